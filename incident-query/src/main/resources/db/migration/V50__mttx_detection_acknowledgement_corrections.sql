-- Issue #11: stated detection, acknowledgements by the alert's sender and corrections of key
-- moments. impact_started_at becomes the moment in effect (corrected when corrected), so the
-- period filters select by it; the declaration's value moves beside it.
ALTER TABLE mttx_moments
    ADD COLUMN impact_started_as_declared   timestamptz,
    ADD COLUMN stated_detected_at           timestamptz,
    ADD COLUMN first_sender_acknowledged_at timestamptz,
    ADD COLUMN corrected_impact_started_at  timestamptz,
    ADD COLUMN corrected_detected_at        timestamptz,
    ADD COLUMN corrected_acknowledged_at    timestamptz,
    ADD COLUMN corrected_mitigated_at       timestamptz,
    ADD COLUMN corrected_resolved_at        timestamptz;
UPDATE mttx_moments SET impact_started_as_declared = impact_started_at;
ALTER TABLE mttx_moments ALTER COLUMN impact_started_as_declared SET NOT NULL;
