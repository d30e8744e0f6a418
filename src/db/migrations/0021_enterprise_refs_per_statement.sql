ALTER TABLE "enterprise_assignment" DROP CONSTRAINT "enterprise_assignment_enterprise_id_enterprise_id_fk";
--> statement-breakpoint
ALTER TABLE "enterprise_assignment" DROP CONSTRAINT "enterprise_assignment_upper_union_id_unit_id_fk";
--> statement-breakpoint
ALTER TABLE "enterprise_fact" DROP CONSTRAINT "enterprise_fact_enterprise_id_enterprise_id_fk";
--> statement-breakpoint
ALTER TABLE "enterprise_fact" DROP CONSTRAINT "enterprise_fact_import_id_enterprise_import_id_fk";
--> statement-breakpoint
-- As migration 0019 did for memberships: an enterprise's facts and assignments named their
-- enterprise, import and upper union by foreign keys, a lookup and a row lock per row (three per
-- new enterprise of a register import, a seventh of its time). They are checked once per written
-- statement instead, by an anti-join over the rows written, and the other side (no deleting an
-- enterprise, import or unit still named) by triggers. Errors keep the foreign keys' code (23503)
-- and names.
CREATE FUNCTION enterprise_fact_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.id = n.enterprise_id)) THEN
    RAISE EXCEPTION 'enterprise_fact.enterprise_id must name an enterprise'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_fact_enterprise_id_enterprise_id_fk';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n
             WHERE n.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enterprise_import i WHERE i.id = n.import_id)) THEN
    RAISE EXCEPTION 'enterprise_fact.import_id must name an import'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_fact_import_id_enterprise_import_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_check_refs_insert AFTER INSERT ON enterprise_fact
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_fact_check_refs();
--> statement-breakpoint
CREATE TRIGGER enterprise_fact_check_refs_update AFTER UPDATE ON enterprise_fact
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_fact_check_refs();
--> statement-breakpoint
CREATE FUNCTION enterprise_assignment_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.id = n.enterprise_id)) THEN
    RAISE EXCEPTION 'enterprise_assignment.enterprise_id must name an enterprise'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_assignment_enterprise_id_enterprise_id_fk';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = n.upper_union_id)) THEN
    RAISE EXCEPTION 'enterprise_assignment.upper_union_id must name a unit'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_assignment_upper_union_id_unit_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_check_refs_insert AFTER INSERT ON enterprise_assignment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_assignment_check_refs();
--> statement-breakpoint
CREATE TRIGGER enterprise_assignment_check_refs_update AFTER UPDATE ON enterprise_assignment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_assignment_check_refs();
--> statement-breakpoint
CREATE FUNCTION enterprise_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM enterprise_fact f WHERE f.enterprise_id = o.id)) THEN
    RAISE EXCEPTION 'an enterprise with facts cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_fact_enterprise_id_enterprise_id_fk';
  END IF;
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM enterprise_assignment a WHERE a.enterprise_id = o.id)) THEN
    RAISE EXCEPTION 'an enterprise with assignments cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_assignment_enterprise_id_enterprise_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_keep_referenced AFTER DELETE ON enterprise
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_keep_referenced();
--> statement-breakpoint
CREATE FUNCTION enterprise_import_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM enterprise_fact f WHERE f.import_id = o.id)) THEN
    RAISE EXCEPTION 'an import whose facts are kept cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_fact_import_id_enterprise_import_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprise_import_keep_referenced AFTER DELETE ON enterprise_import
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_import_keep_referenced();
--> statement-breakpoint
CREATE FUNCTION unit_keep_assigned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM enterprise_assignment a WHERE a.upper_union_id = o.id)) THEN
    RAISE EXCEPTION 'a unit in charge of enterprises cannot be deleted'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'enterprise_assignment_upper_union_id_unit_id_fk';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unit_keep_assigned AFTER DELETE ON unit
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_keep_assigned();
