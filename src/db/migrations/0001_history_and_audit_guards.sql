-- A unit has at most one version on any day: periods [valid_from, valid_to) never overlap.
ALTER TABLE unit_version ADD CONSTRAINT unit_version_no_overlap
  EXCLUDE USING gist (unit_id WITH =, daterange(valid_from, valid_to) WITH &&);
--> statement-breakpoint
-- At most one open (current) version per unit.
CREATE UNIQUE INDEX unit_version_one_open_uq ON unit_version (unit_id) WHERE valid_to IS NULL;
--> statement-breakpoint
-- The audit log is append-only: history that can be edited is not history.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE INDEX unit_version_open_parent_idx ON unit_version (parent_id) WHERE valid_to IS NULL;
