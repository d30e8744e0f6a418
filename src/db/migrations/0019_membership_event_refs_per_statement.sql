ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_person_id_person_id_fk";
--> statement-breakpoint
ALTER TABLE "membership_event" DROP CONSTRAINT "membership_event_to_unit_id_unit_id_fk";
--> statement-breakpoint
-- The two references are checked per statement instead: one anti-join over the rows written, not
-- a lookup and a row lock per row (an import writes 2,000 events a statement). The error keeps the
-- foreign key's code and name.
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
