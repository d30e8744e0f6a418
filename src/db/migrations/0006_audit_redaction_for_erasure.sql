-- The audit log stays append-only, with one lawful exception: erasing a person's data on request
-- (personal-data law) redacts the personal values inside their audit rows. Only before/after may
-- change, only inside a transaction that declared the erasure, and the erasure is itself audited.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('congdoan.erasure', true), '') = 'on'
     AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
     AND NEW.entity_type = OLD.entity_type AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
