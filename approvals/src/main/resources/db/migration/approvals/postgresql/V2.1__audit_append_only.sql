-- The audit trail refuses UPDATE and DELETE, so not even a bug can rewrite history.
CREATE OR REPLACE FUNCTION approval_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approval_audit is append-only';
END $$;

CREATE TRIGGER approval_audit_no_change BEFORE UPDATE OR DELETE ON approval_audit
  FOR EACH ROW EXECUTE FUNCTION approval_audit_append_only();
