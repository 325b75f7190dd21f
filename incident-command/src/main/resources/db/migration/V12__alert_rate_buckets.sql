-- One token bucket per sender credential (PagerDuty routing keys, by digest), shared by every
-- command instance: taking a token is one atomic upsert, so N instances allow the configured
-- rate once, not N times.
CREATE TABLE alert_rate_bucket (
  bucket VARCHAR(128) PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  refilled_at TIMESTAMPTZ NOT NULL
);
