-- Idempotency keys belong to the caller who sent them (the token's subject) and expire
-- (incident-timeline.idempotency.key-ttl). Keys stored before had no caller: they answer
-- nobody any more and are deleted once expired.
ALTER TABLE idempotency_key ADD COLUMN principal VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN principal DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_pkey PRIMARY KEY (principal, idempotency_key);
-- the cleanup finds expired keys by age
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
