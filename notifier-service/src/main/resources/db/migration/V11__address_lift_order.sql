-- Suppressing an address ("this wasn't me", an operator's decision) and lifting that suppression reach this service as two
-- events on one partition, but its consumer applies records concurrently: a lift could overtake the suppression made
-- after it (and delete it), or a suppression could land after the lift that was meant to undo it. Both are now applied by
-- when roadmap-service made them (the events' own times, one clock): a suppression keeps the time it was requested, and
-- the newest lift per address is remembered, so whichever arrives second knows whether it is older or newer.
-- Rows from before this change keep a null requested_at: any lift lifts them, as it did until now (their own arrival time
-- is later than roadmap-service's and would keep a row the operator lifted in that gap).
ALTER TABLE address_suppression ADD COLUMN requested_at timestamptz;
COMMENT ON COLUMN address_suppression.requested_at IS 'when roadmap-service suppressed the address (AddressSuppressed.at); null for a hard bounce alone';

CREATE TABLE address_lift (
    address_hash text PRIMARY KEY,
    lifted_at    timestamptz NOT NULL
);
COMMENT ON TABLE address_lift IS 'the newest AddressUnsuppressed per address hash: a suppression requested before it is not applied';
