-- Credits (most entries: every paid order) move the balance in one upsert instead of an
-- insert-if-missing followed by an update. Debits still update an existing row only: the
-- CHECK (balance >= 0) rejects a debit larger than the balance, and a debit with no balance
-- row at all is inserted as a negative balance, which the same CHECK rejects.
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
