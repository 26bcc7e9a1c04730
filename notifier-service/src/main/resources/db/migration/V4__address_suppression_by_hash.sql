-- Addresses that get no email of any kind are now named by their hash (contracts' Addresses.hash: SHA-256 hex of the
-- trimmed, lower-cased address), because roadmap-service's AddressSuppressed ("this wasn't me — never email me again")
-- carries only the hash. A hard bounce still keeps the address and the server's reply; a not-me suppression has neither.
ALTER TABLE address_suppression ADD COLUMN address_hash text;
UPDATE address_suppression SET address_hash = encode(sha256(convert_to(lower(btrim(address)), 'UTF8')), 'hex');
ALTER TABLE address_suppression ALTER COLUMN address_hash SET NOT NULL;
ALTER TABLE address_suppression DROP CONSTRAINT address_suppression_pkey;
ALTER TABLE address_suppression ADD PRIMARY KEY (address_hash);
ALTER TABLE address_suppression ALTER COLUMN address DROP NOT NULL;
ALTER TABLE address_suppression ALTER COLUMN smtp_reply DROP NOT NULL;
ALTER TABLE address_suppression ALTER COLUMN email_id DROP NOT NULL;
ALTER TABLE address_suppression DROP CONSTRAINT address_suppression_reason_check;
ALTER TABLE address_suppression ADD CONSTRAINT address_suppression_reason_check CHECK (reason IN ('hard-bounce', 'not-me'));

ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_suppression_reason_check;
ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_suppression_reason_check
    CHECK (suppression_reason IN ('unsubscribed', 'hard-bounce', 'not-me'));
