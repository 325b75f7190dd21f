-- The public status page projection. Only what may be shown publicly is stored here:
-- internal updates and notes never reach these tables.
CREATE TABLE status_page_incidents (
    id                    uuid PRIMARY KEY,
    name                  text        NOT NULL,
    severity              text        NOT NULL,
    status                text        NOT NULL,
    components            jsonb       NOT NULL,
    created_at            timestamptz NOT NULL,
    started_at            timestamptz NOT NULL,
    monitoring_at         timestamptz,
    resolved_at           timestamptz,
    updated_at            timestamptz NOT NULL,
    last_public_update_at timestamptz
);
CREATE INDEX status_page_incidents_recent ON status_page_incidents (created_at DESC, id);

-- Public incident updates: public status updates and the status changes themselves.
CREATE TABLE status_page_updates (
    id                  uuid PRIMARY KEY,
    incident_id         uuid        NOT NULL,
    sequence            bigint      NOT NULL,
    status              text        NOT NULL,
    body                text        NOT NULL,
    created_at          timestamptz NOT NULL,
    affected_components jsonb       NOT NULL
);
CREATE INDEX status_page_updates_incident ON status_page_updates (incident_id, sequence);

-- How long each incident held each component at each severity; to_at is null while it still does.
-- Component status, component history and the 90-day bars are read from these rows.
CREATE TABLE status_page_impacts (
    incident_id uuid        NOT NULL,
    sequence    bigint      NOT NULL,
    component   text        NOT NULL,
    severity    text        NOT NULL,
    from_at     timestamptz NOT NULL,
    to_at       timestamptz,
    PRIMARY KEY (incident_id, sequence, component)
);
CREATE INDEX status_page_impacts_component ON status_page_impacts (component, from_at);
CREATE INDEX status_page_impacts_open ON status_page_impacts (incident_id) WHERE to_at IS NULL;
