CREATE TABLE "coverage_day" (
	"day" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_snapshot" (
	"day" date NOT NULL,
	"anchor_id" bigint NOT NULL,
	"ownership" text NOT NULL,
	"operating" integer NOT NULL,
	"target" integer NOT NULL,
	"covered" integer NOT NULL,
	"workers_in_target" integer NOT NULL,
	"workers_in_covered" integer NOT NULL,
	CONSTRAINT "coverage_snapshot_day_anchor_id_ownership_pk" PRIMARY KEY("day","anchor_id","ownership")
);
--> statement-breakpoint
CREATE INDEX "enterprise_fact_observed_idx" ON "enterprise_fact" USING btree ("observed_on") WHERE "enterprise_fact"."state" = 'effective';--> statement-breakpoint
CREATE INDEX "unit_version_valid_from_idx" ON "unit_version" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "unit_version_valid_to_idx" ON "unit_version" USING btree ("valid_to") WHERE "unit_version"."valid_to" is not null;
--> statement-breakpoint
-- A write that changes where an enterprise belongs, or its facts, on some day forgets the coverage
-- snapshots of that day and later ones; the next read computes them again. One statement per
-- write (not per row). Writers share an advisory lock that a snapshot being computed holds alone
-- (src/modules/enterprises/coverage-snapshots.ts), so a snapshot never misses a write that commits
-- while it is computed. Only what placement reads matters: facts, assignments, the days units
-- stand, an enterprise's CĐCS and ownership; a unit's name or place in the tree does not (the
-- snapshot is per anchor unit, placed in the tree when read).
CREATE FUNCTION coverage_forget(since date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF since IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(4042002);
  DELETE FROM coverage_day WHERE day >= since;
END;
$$;
--> statement-breakpoint
-- A fact counts from its day on; a change of its end comes with a fact starting that day (rechain).
CREATE FUNCTION enterprise_fact_coverage_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((SELECT min(observed_on) FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_coverage_add AFTER INSERT ON enterprise_fact
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_fact_coverage_add();
--> statement-breakpoint
CREATE FUNCTION enterprise_fact_coverage_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((
    SELECT min(least(
      CASE WHEN (o.observed_on, o.state, o.kind, o.status, o.workforce_total, o.enterprise_id)
             IS DISTINCT FROM (n.observed_on, n.state, n.kind, n.status, n.workforce_total, n.enterprise_id)
        THEN least(o.observed_on, n.observed_on) END,
      CASE WHEN o.valid_to IS DISTINCT FROM n.valid_to
        THEN least(coalesce(o.valid_to, 'infinity'::date), coalesce(n.valid_to, 'infinity'::date)) END))
    FROM old_rows o JOIN new_rows n ON n.id = o.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_coverage_change AFTER UPDATE ON enterprise_fact
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_fact_coverage_change();
--> statement-breakpoint
CREATE FUNCTION enterprise_fact_coverage_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((SELECT min(observed_on) FROM old_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_coverage_remove AFTER DELETE ON enterprise_fact
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_fact_coverage_remove();
--> statement-breakpoint
-- Assignments and unit versions: a row counts from its start, a changed end from the earlier end.
CREATE FUNCTION period_coverage_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((SELECT min(valid_from) FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION period_coverage_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((SELECT min(valid_from) FROM old_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION assignment_coverage_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((
    SELECT min(least(
      CASE WHEN (o.valid_from, o.enterprise_id, o.upper_union_id) IS DISTINCT FROM (n.valid_from, n.enterprise_id, n.upper_union_id)
        THEN least(o.valid_from, n.valid_from) END,
      CASE WHEN o.valid_to IS DISTINCT FROM n.valid_to
        THEN least(coalesce(o.valid_to, 'infinity'::date), coalesce(n.valid_to, 'infinity'::date)) END))
    FROM old_rows o JOIN new_rows n ON n.id = o.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_coverage_add AFTER INSERT ON enterprise_assignment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION period_coverage_add();
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_coverage_change AFTER UPDATE ON enterprise_assignment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignment_coverage_change();
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_coverage_remove AFTER DELETE ON enterprise_assignment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION period_coverage_remove();
--> statement-breakpoint
-- A unit version matters for the days its unit stands, not for its name, type or place in the tree.
CREATE FUNCTION unit_version_coverage_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM coverage_forget((
    SELECT min(least(
      CASE WHEN (o.valid_from, o.unit_id) IS DISTINCT FROM (n.valid_from, n.unit_id)
        THEN least(o.valid_from, n.valid_from) END,
      CASE WHEN o.valid_to IS DISTINCT FROM n.valid_to
        THEN least(coalesce(o.valid_to, 'infinity'::date), coalesce(n.valid_to, 'infinity'::date)) END))
    FROM old_rows o JOIN new_rows n ON n.id = o.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unit_version_coverage_add AFTER INSERT ON unit_version
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION period_coverage_add();
--> statement-breakpoint
CREATE TRIGGER unit_version_coverage_change AFTER UPDATE ON unit_version
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_version_coverage_change();
--> statement-breakpoint
CREATE TRIGGER unit_version_coverage_remove AFTER DELETE ON unit_version
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION period_coverage_remove();
--> statement-breakpoint
-- An enterprise's CĐCS is not dated (the unit's versions are): a change counts from the first day
-- either the old or the new CĐCS stood. Ownership is not dated either: a correction counts for
-- every day.
CREATE FUNCTION enterprise_coverage_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.ownership IS DISTINCT FROM n.ownership) THEN
    PERFORM coverage_forget('-infinity'::date);
    RETURN NULL;
  END IF;
  PERFORM coverage_forget((
    SELECT min(v.valid_from) FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN unit_version v ON v.unit_id IN (o.grassroots_unit_id, n.grassroots_unit_id)
    WHERE o.grassroots_unit_id IS DISTINCT FROM n.grassroots_unit_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_coverage_change AFTER UPDATE ON enterprise
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_coverage_change();
--> statement-breakpoint
CREATE FUNCTION coverage_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM coverage_day;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_coverage_clear AFTER TRUNCATE ON enterprise_fact
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_clear();
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_coverage_clear AFTER TRUNCATE ON enterprise_assignment
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_clear();
--> statement-breakpoint
CREATE TRIGGER unit_version_coverage_clear AFTER TRUNCATE ON unit_version
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_clear();
--> statement-breakpoint
CREATE TRIGGER enterprise_coverage_clear AFTER TRUNCATE ON enterprise
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_clear();
