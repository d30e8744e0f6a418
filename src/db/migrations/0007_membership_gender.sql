ALTER TABLE "membership" ADD COLUMN "gender" text;--> statement-breakpoint
UPDATE "membership" m SET "gender" = p."gender" FROM "person" p WHERE p."id" = m."person_id";
--> statement-breakpoint
-- Keep the copy right on every path that writes memberships (the service, imports, COPY in the
-- demo seed) and when a person's gender is corrected.
CREATE FUNCTION membership_take_gender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.gender := (SELECT p.gender FROM person p WHERE p.id = NEW.person_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_take_gender BEFORE INSERT OR UPDATE OF person_id ON membership
  FOR EACH ROW EXECUTE FUNCTION membership_take_gender();
--> statement-breakpoint
CREATE FUNCTION person_share_gender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE membership SET gender = NEW.gender WHERE person_id = NEW.id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_share_gender AFTER UPDATE OF gender ON person
  FOR EACH ROW WHEN (OLD.gender IS DISTINCT FROM NEW.gender) EXECUTE FUNCTION person_share_gender();
