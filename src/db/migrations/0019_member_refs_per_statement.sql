-- A membership's person and unit, and a history event's person and the unit joined, were foreign
-- keys: a lookup and a row lock per row, a quarter of a 170,000-row import (each membership comes
-- with an event). They are checked once per written statement instead, by an anti-join over the
-- rows written, and the other side of a foreign key (no deleting a person or unit still named) by
-- a trigger on person and on unit. Errors keep the foreign keys' code (23503) and names.
ALTER TABLE "membership" DROP CONSTRAINT "membership_person_id_person_id_fk";
--> statement-breakpoint
ALTER TABLE "membership" DROP CONSTRAINT "membership_unit_id_unit_id_fk";
--> statement-breakpoint
ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_person_id_person_id_fk";
--> statement-breakpoint
ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_to_unit_id_unit_id_fk";

--> statement-breakpoint
CREATE FUNCTION membership_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = n.person_id)) THEN
    RAISE EXCEPTION 'membership.person_id must name a person'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_person_id_person_id_fk';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = n.unit_id)) THEN
    RAISE EXCEPTION 'membership.unit_id must name a unit'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_unit_id_unit_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_check_refs_insert AFTER INSERT ON membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_check_refs();
--> statement-breakpoint
CREATE TRIGGER membership_check_refs_update AFTER UPDATE ON membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_check_refs();
--> statement-breakpoint
CREATE FUNCTION membership_event_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = n.person_id)) THEN
    RAISE EXCEPTION 'membership_event.person_id must name a person'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_event_person_id_person_id_fk';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n
             WHERE n.to_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = n.to_unit_id)) THEN
    RAISE EXCEPTION 'membership_event.to_unit_id must name a unit'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_event_to_unit_id_unit_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_event_check_refs_insert AFTER INSERT ON membership_event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_event_check_refs();
--> statement-breakpoint
CREATE TRIGGER membership_event_check_refs_update AFTER UPDATE ON membership_event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_event_check_refs();
--> statement-breakpoint
CREATE FUNCTION person_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM membership m WHERE m.person_id = o.id)
             OR EXISTS (SELECT 1 FROM membership_event e WHERE e.person_id = o.id)) THEN
    RAISE EXCEPTION 'a person with memberships or history cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_person_id_person_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_keep_referenced AFTER DELETE ON person
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_keep_referenced();
--> statement-breakpoint
CREATE FUNCTION unit_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM membership m WHERE m.unit_id = o.id)
             OR EXISTS (SELECT 1 FROM membership_event e WHERE e.to_unit_id = o.id)) THEN
    RAISE EXCEPTION 'a unit with memberships or history cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'membership_unit_id_unit_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unit_keep_referenced AFTER DELETE ON unit
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_keep_referenced();
