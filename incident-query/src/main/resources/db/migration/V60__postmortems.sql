-- The postmortem module (issue #11). postmortems: one row per incident, the folded
-- postmortem kept whole in state (read back to fold the next event and to serve the
-- document), with the columns the due list and the gauges select by. A row exists from the
-- declaration on; status 'none' while the incident owes no postmortem yet.
CREATE TABLE postmortems (
    incident_id      uuid PRIMARY KEY,
    title            text        NOT NULL,
    severity_reached text        NOT NULL,
    services         jsonb       NOT NULL,
    resolved_at      timestamptz,
    status           text        NOT NULL,
    published_at     timestamptz,
    state            jsonb       NOT NULL
);
CREATE INDEX postmortems_owing ON postmortems (resolved_at) WHERE published_at IS NULL;

-- One row per action item, for the cross-incident list and its filters.
CREATE TABLE postmortem_action_items (
    action_item_id uuid PRIMARY KEY,
    incident_id    uuid        NOT NULL,
    position       int         NOT NULL,
    title          text        NOT NULL,
    owner          text        NOT NULL,
    due_date       date        NOT NULL,
    type           text        NOT NULL,
    priority       text        NOT NULL,
    link           text,
    status         text        NOT NULL,
    services       jsonb       NOT NULL
);
CREATE INDEX postmortem_action_items_incident ON postmortem_action_items (incident_id, position);
CREATE INDEX postmortem_action_items_open ON postmortem_action_items (status, due_date);
