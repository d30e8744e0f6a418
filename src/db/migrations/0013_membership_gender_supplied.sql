-- A membership row's gender copy was looked up by a row trigger for every insert: on PGlite that
-- call cost about 60 µs a row, a third of a large import. Now a writer may supply the gender (the
-- import does, from the same statement that wrote the person), the row trigger fills it only when
-- it is missing, and one check per statement refuses any supplied gender that is not the person's.
DROP TRIGGER membership_take_gender ON membership;
--> statement-breakpoint
CREATE TRIGGER membership_take_gender BEFORE INSERT ON membership
  FOR EACH ROW WHEN (NEW.gender IS NULL) EXECUTE FUNCTION membership_take_gender();
--> statement-breakpoint
CREATE TRIGGER membership_take_gender_on_move BEFORE UPDATE OF person_id ON membership
  FOR EACH ROW EXECUTE FUNCTION membership_take_gender();
--> statement-breakpoint
CREATE FUNCTION membership_check_gender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n JOIN person p ON p.id = n.person_id WHERE n.gender IS DISTINCT FROM p.gender) THEN
    RAISE EXCEPTION 'membership.gender must be the gender of the person'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'membership_gender_chk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_check_gender AFTER INSERT ON membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_check_gender();
