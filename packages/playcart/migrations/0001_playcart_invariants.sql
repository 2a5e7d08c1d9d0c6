-- Invariants the schema cannot state: append-only ledger, stamp entries and audit log, and
-- the ledger entry that moves its account's balance in the same statement.

-- The ledger is append-only: corrections are new entries, never edits.
CREATE OR REPLACE FUNCTION playcart_ledger_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'playcart_ledger_entries is append-only (% rejected)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_ledger_no_update BEFORE UPDATE OR DELETE ON playcart_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION playcart_ledger_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_ledger_no_truncate BEFORE TRUNCATE ON playcart_ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION playcart_ledger_reject_change();
--> statement-breakpoint
-- Every entry moves its account's balance in the same statement; the balance row's CHECK
-- (balance >= 0) aborts an entry that would overdraw, and the row lock serialises writers.
-- Credits (most entries: every paid order) move the balance in one upsert. Debits update an
-- existing row only: a debit with no balance row is inserted as a negative balance, which
-- the same CHECK rejects. (Not one upsert for both: the proposed insert row is CHECKed
-- before the conflict is found, which would reject every debit.) Callers must not insert
-- entries with ON CONFLICT DO NOTHING: this BEFORE trigger fires before conflicts are detected.
CREATE OR REPLACE FUNCTION playcart_ledger_apply() RETURNS trigger AS $$
DECLARE
  new_balance integer;
BEGIN
  IF NEW.delta >= 0 THEN
    INSERT INTO playcart_point_balances AS b (customer_id, account, balance)
      VALUES (NEW.customer_id, NEW.account, NEW.delta)
      ON CONFLICT (customer_id, account) DO UPDATE SET balance = b.balance + EXCLUDED.balance
      RETURNING balance INTO new_balance;
  ELSE
    UPDATE playcart_point_balances SET balance = balance + NEW.delta
      WHERE customer_id = NEW.customer_id AND account = NEW.account
      RETURNING balance INTO new_balance;
    IF NOT FOUND THEN
      INSERT INTO playcart_point_balances (customer_id, account, balance)
        VALUES (NEW.customer_id, NEW.account, NEW.delta)
        RETURNING balance INTO new_balance;
    END IF;
  END IF;
  NEW.balance_after := new_balance;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_ledger_apply BEFORE INSERT ON playcart_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION playcart_ledger_apply();
--> statement-breakpoint
-- Stamp entries are append-only like the ledger: a reversal is a new negative entry.
CREATE OR REPLACE FUNCTION playcart_stamps_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'playcart_stamp_entries is append-only (% rejected)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_stamps_no_update BEFORE UPDATE OR DELETE ON playcart_stamp_entries
  FOR EACH ROW EXECUTE FUNCTION playcart_stamps_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_stamps_no_truncate BEFORE TRUNCATE ON playcart_stamp_entries
  FOR EACH STATEMENT EXECUTE FUNCTION playcart_stamps_reject_change();
--> statement-breakpoint
-- The audit trail is append-only: what the admin changed stays on record.
CREATE OR REPLACE FUNCTION playcart_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'playcart_audit_log is append-only (% rejected)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_audit_no_update BEFORE UPDATE OR DELETE ON playcart_audit_log
  FOR EACH ROW EXECUTE FUNCTION playcart_audit_append_only();
