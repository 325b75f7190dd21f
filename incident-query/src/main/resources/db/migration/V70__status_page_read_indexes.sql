-- Issue #12: the status page reads its open incidents and its last change without scanning
-- every incident it ever showed (a few open among tens of thousands resolved).
CREATE INDEX status_page_incidents_open ON status_page_incidents (created_at DESC, id) WHERE status <> 'resolved';
CREATE INDEX status_page_incidents_updated ON status_page_incidents (updated_at);
