-- Consumer bookkeeping: what has been applied per incident, what waits for a missing predecessor.
CREATE TABLE projection_progress (
    incident_id      uuid PRIMARY KEY,
    last_sequence    bigint      NOT NULL,
    last_recorded_at timestamptz,
    last_applied_at  timestamptz
);
CREATE INDEX projection_progress_recorded ON projection_progress (last_recorded_at);
CREATE INDEX projection_progress_applied ON projection_progress (last_applied_at);

CREATE TABLE parked_events (
    incident_id uuid        NOT NULL,
    sequence    bigint      NOT NULL,
    wire        bytea       NOT NULL,
    parked_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

-- Every applied envelope as it came over the wire: the replay source of rebuilds and the timeline.
-- known = false marks an event type this reader could not decode (written by a newer producer).
CREATE TABLE incident_events (
    incident_id    uuid        NOT NULL,
    sequence       bigint      NOT NULL,
    event_id       uuid,
    type           text        NOT NULL,
    schema_version int         NOT NULL,
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    actor          text,
    source         text,
    known          boolean     NOT NULL,
    payload        jsonb,
    wire           bytea       NOT NULL,
    applied_at     timestamptz NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);
CREATE INDEX incident_events_timeline ON incident_events (incident_id, occurred_at, sequence);

-- The incidents projection: one row per incident; roles and mitigations travel with it.
CREATE TABLE incidents (
    id                uuid PRIMARY KEY,
    title             text        NOT NULL,
    severity          text        NOT NULL,
    status            text        NOT NULL,
    services          jsonb       NOT NULL,
    commander         text,
    roles             jsonb       NOT NULL,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    mitigations       jsonb       NOT NULL,
    impact_started_at timestamptz NOT NULL,
    declared_at       timestamptz NOT NULL,
    mitigated_at      timestamptz,
    resolved_at       timestamptz
);
CREATE INDEX incidents_declared ON incidents (declared_at DESC, id);
CREATE INDEX incidents_services ON incidents USING gin (services);
