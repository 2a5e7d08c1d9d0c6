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
-- Every entry moves its account's balance in the same statement. The balance row's CHECK
-- (balance >= 0) aborts an entry that would overdraw; the row lock serialises writers.
-- (Not one INSERT ... ON CONFLICT DO UPDATE: the proposed insert row is CHECKed before the
-- conflict is found, which would reject every debit.) Callers must not insert entries with
-- ON CONFLICT DO NOTHING either: this BEFORE trigger fires before conflicts are detected.
CREATE OR REPLACE FUNCTION playcart_ledger_apply() RETURNS trigger AS $$
DECLARE
  new_balance integer;
BEGIN
  INSERT INTO playcart_point_balances (customer_id, account, balance)
    VALUES (NEW.customer_id, NEW.account, 0)
    ON CONFLICT (customer_id, account) DO NOTHING;
  UPDATE playcart_point_balances SET balance = balance + NEW.delta
    WHERE customer_id = NEW.customer_id AND account = NEW.account
    RETURNING balance INTO new_balance;
  NEW.balance_after := new_balance;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_ledger_apply BEFORE INSERT ON playcart_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION playcart_ledger_apply();
