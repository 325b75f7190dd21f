-- One row per alert as its sender identifies it (integration + dedup key), written in the
-- transaction that appends the alert's events: a repeated or retried notification finds
-- its row and only counts a repeat. Alerts no routing rule matched live only here.
CREATE TABLE alert_receipt (
  id BIGSERIAL PRIMARY KEY,
  integration VARCHAR(64) NOT NULL,
  dedup_key VARCHAR(1024) NOT NULL,
  alert_key VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL CHECK (state IN ('firing', 'acknowledged', 'resolved')),
  incident_id UUID,
  routing_rule VARCHAR(100),
  summary VARCHAR(1024) NOT NULL,
  alert_severity VARCHAR(64),
  service VARCHAR(100),
  group_key VARCHAR(1024),
  labels TEXT NOT NULL,
  fired_at TIMESTAMPTZ,
  resolved_at TIMESTAMPTZ,
  first_received_at TIMESTAMPTZ NOT NULL,
  last_received_at TIMESTAMPTZ NOT NULL,
  repeat_count INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT alert_receipt_dedup_key UNIQUE (integration, dedup_key)
);

CREATE INDEX alert_receipt_incident_id ON alert_receipt (incident_id);
CREATE INDEX alert_receipt_last_received_at ON alert_receipt (last_received_at);

-- Which incident a grouping key (a service, or a sender's group) currently feeds. Kept in
-- step with resolutions and reopenings by a subscribing event handler, in the transaction
-- that records them.
CREATE TABLE alert_route (
  route_key VARCHAR(1200) PRIMARY KEY,
  incident_id UUID NOT NULL,
  open BOOLEAN NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX alert_route_incident_id ON alert_route (incident_id);
