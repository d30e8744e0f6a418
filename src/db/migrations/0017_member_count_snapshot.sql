CREATE TABLE "member_count_day" (
	"day" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_count_snapshot" (
	"day" date NOT NULL,
	"unit_id" bigint NOT NULL,
	"members" integer NOT NULL,
	"women" integer NOT NULL,
	"men" integer NOT NULL,
	"under30" integer NOT NULL,
	"in30s" integer NOT NULL,
	"in40s" integer NOT NULL,
	"over50" integer NOT NULL,
	CONSTRAINT "member_count_snapshot_day_unit_id_pk" PRIMARY KEY("day","unit_id")
);
--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "birth_date" date;--> statement-breakpoint
UPDATE "membership" m SET "birth_date" = p."birth_date" FROM "person" p
  WHERE p."id" = m."person_id" AND p."birth_date" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "membership_valid_from_idx" ON "membership" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "membership_valid_to_idx" ON "membership" USING btree ("valid_to") WHERE "membership"."valid_to" is not null;--> statement-breakpoint
CREATE INDEX "membership_birth_date_idx" ON "membership" USING btree ("birth_date");
--> statement-breakpoint
-- A write that changes who was a member on some day forgets the snapshots of that day and later
-- ones; the next read computes them again. One statement per write (not per row). Writers share
-- an advisory lock that a snapshot being computed holds alone (src/modules/members/snapshots.ts),
-- so a snapshot never misses a write that commits while it is computed.
CREATE FUNCTION member_count_forget(since date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF since IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(4042001);
  DELETE FROM member_count_day WHERE day >= since;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION membership_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_count_forget((SELECT min(valid_from) FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_counts_add AFTER INSERT ON membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_add();
--> statement-breakpoint
-- An update counts from the first day it changes: its start (or unit, gender, birth date) moved, or its end.
-- Closing a membership today touches today onwards only.
CREATE FUNCTION membership_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_count_forget((
    SELECT min(least(
      CASE WHEN (o.valid_from, o.unit_id, o.gender, o.birth_date) IS DISTINCT FROM (n.valid_from, n.unit_id, n.gender, n.birth_date)
        THEN least(o.valid_from, n.valid_from) END,
      CASE WHEN o.valid_to IS DISTINCT FROM n.valid_to
        THEN least(coalesce(o.valid_to, 'infinity'::date), coalesce(n.valid_to, 'infinity'::date)) END))
    FROM old_rows o JOIN new_rows n ON n.id = o.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_counts_change AFTER UPDATE ON membership
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_change();
--> statement-breakpoint
CREATE FUNCTION membership_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM member_count_forget((SELECT min(valid_from) FROM old_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_counts_remove AFTER DELETE ON membership
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_remove();
--> statement-breakpoint
CREATE FUNCTION membership_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_count_day;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_counts_clear AFTER TRUNCATE ON membership
  FOR EACH STATEMENT EXECUTE FUNCTION membership_counts_clear();
--> statement-breakpoint
-- The birth date copy is kept like the gender's (migrations 0007, 0013): a writer may supply it
-- (the import does), a row trigger fills it when missing, one check per statement refuses a
-- supplied one that is not the person's, and a correction on the person reaches the memberships.
CREATE FUNCTION membership_take_birth_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.birth_date := (SELECT p.birth_date FROM person p WHERE p.id = NEW.person_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_take_birth_date BEFORE INSERT ON membership
  FOR EACH ROW WHEN (NEW.birth_date IS NULL) EXECUTE FUNCTION membership_take_birth_date();
--> statement-breakpoint
CREATE TRIGGER membership_take_birth_date_on_move BEFORE UPDATE OF person_id ON membership
  FOR EACH ROW EXECUTE FUNCTION membership_take_birth_date();
--> statement-breakpoint
-- One check for both copies, in the statement trigger that already checked the gender (one join).
CREATE OR REPLACE FUNCTION membership_check_gender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n JOIN person p ON p.id = n.person_id
             WHERE n.gender IS DISTINCT FROM p.gender OR n.birth_date IS DISTINCT FROM p.birth_date) THEN
    RAISE EXCEPTION 'membership.gender and membership.birth_date must be those of the person'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'membership_gender_chk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION person_share_birth_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE membership SET birth_date = NEW.birth_date WHERE person_id = NEW.id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_share_birth_date AFTER UPDATE OF birth_date ON person
  FOR EACH ROW WHEN (OLD.birth_date IS DISTINCT FROM NEW.birth_date) EXECUTE FUNCTION person_share_birth_date();
