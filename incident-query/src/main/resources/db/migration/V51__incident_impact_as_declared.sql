-- Issue #11: impact_started_at shows the corrected impact start; the declaration's stays beside it.
ALTER TABLE incidents ADD COLUMN impact_started_as_declared timestamptz;
UPDATE incidents SET impact_started_as_declared = impact_started_at;
ALTER TABLE incidents ALTER COLUMN impact_started_as_declared SET NOT NULL;
