-- An operator's resend (roadmap-service's console, EmailResendRequested): a new ledger row, keyed by the request's event id,
-- with the original email's kind, recipient and stored payload. resend_of names the original email; null for every
-- email sent the first time. A resend is not a nudge arriving late: it is left out of the nudge delivery-lag SLI.
ALTER TABLE email_delivery ADD COLUMN resend_of uuid;
