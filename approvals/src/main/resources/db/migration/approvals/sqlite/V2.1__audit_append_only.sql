-- The audit trail refuses UPDATE and DELETE, so not even a bug can rewrite history.
CREATE TRIGGER approval_audit_no_update BEFORE UPDATE ON approval_audit
BEGIN
  SELECT RAISE(ABORT, 'approval_audit is append-only');
END;

CREATE TRIGGER approval_audit_no_delete BEFORE DELETE ON approval_audit
BEGIN
  SELECT RAISE(ABORT, 'approval_audit is append-only');
END;
