-- Two emails about the learner rather than one subscription (SignInRequested, AddressChangeRequested): their
-- subscription_id holds the learner id, the aggregate they are keyed by.
ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_kind_check;
ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_kind_check
    CHECK (kind IN ('NUDGE', 'CONFIRMATION', 'GOODBYE', 'SIGN_IN', 'ADDRESS_CHANGE'));
