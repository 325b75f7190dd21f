-- The MTTx projection: per incident the raw moments as events reported them (occurredAt).
-- Derived moments (detected, mitigated) are computed from these in code, so a change of
-- definition is a rebuild, never an UPDATE of stored numbers.
CREATE TABLE mttx_moments (
    incident_id                 uuid PRIMARY KEY,
    highest_severity            text        NOT NULL,
    services                    jsonb       NOT NULL,
    impact_started_at           timestamptz NOT NULL,
    declared_at                 timestamptz NOT NULL,
    first_alert_at              timestamptz,
    first_acknowledged_at       timestamptz,
    first_mitigation_applied_at timestamptz,
    first_monitoring_at         timestamptz,
    first_resolved_at           timestamptz,
    resolved_at                 timestamptz,
    reopened_count              int         NOT NULL
);
CREATE INDEX mttx_moments_impact ON mttx_moments (impact_started_at);
CREATE INDEX mttx_moments_services ON mttx_moments USING gin (services);

-- The dashboard projection: what the open-incidents board shows and what its cadence flags need.
CREATE TABLE dashboard_incidents (
    incident_id           uuid PRIMARY KEY,
    title                 text        NOT NULL,
    severity              text        NOT NULL,
    status                text        NOT NULL,
    commander             text,
    declared_at           timestamptz NOT NULL,
    last_public_update_at timestamptz,
    last_event_at         timestamptz NOT NULL,
    last_sequence         bigint      NOT NULL
);
CREATE INDEX dashboard_incidents_open ON dashboard_incidents (status, declared_at);
