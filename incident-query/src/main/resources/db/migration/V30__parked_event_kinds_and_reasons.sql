-- Why an event is parked: it arrived before its predecessor (waiting-for-predecessor), or
-- applying it failed deterministically after its retries (failed: its incident waits until
-- POST /api/admin/parked/{incidentId}/retry). Rows parked before this migration were all waiting.
ALTER TABLE parked_events
    ADD COLUMN kind   text NOT NULL DEFAULT 'waiting-for-predecessor'
        CHECK (kind IN ('waiting-for-predecessor', 'failed')),
    ADD COLUMN reason text;
UPDATE parked_events SET reason = 'arrived before its predecessor';
CREATE INDEX parked_events_failed ON parked_events (parked_at) WHERE kind = 'failed';
