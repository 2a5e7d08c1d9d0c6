-- One customer per person. playcart_person_key mirrors personKey (src/core/identity.ts):
-- trimmed, lower-cased, "+tags" dropped, and for Gmail dots dropped and googlemail.com read as
-- gmail.com. playcart_customers.email holds that key from now on; customers that were one
-- person under several spellings are merged into the oldest of them (the survivor).
CREATE OR REPLACE FUNCTION playcart_person_key(email text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN at <= 1 OR domain = '' OR position('@' IN domain) > 0 THEN address
    WHEN domain IN ('gmail.com', 'googlemail.com') THEN coalesce(nullif(replace(name, '.', ''), ''), name) || '@gmail.com'
    ELSE name || '@' || domain
  END
  FROM (
    SELECT address, at, substr(address, at + 1) AS domain,
           coalesce(nullif(split_part(substr(address, 1, greatest(at - 1, 0)), '+', 1), ''),
                    substr(address, 1, greatest(at - 1, 0))) AS name
    FROM (SELECT a AS address, position('@' IN a) AS at
          FROM (SELECT lower(btrim(email, E' \t\n\r\f\x0B')) AS a) AS trimmed) AS located
  ) AS parts
$$;
--> statement-breakpoint
-- Which customer row goes into which: every row of a person but the oldest.
CREATE TEMPORARY TABLE playcart_person_merge AS
  SELECT id AS from_id, into_id, user_ref
  FROM (
    SELECT id, user_ref, first_value(id) OVER (PARTITION BY playcart_person_key(email) ORDER BY created_at, id) AS into_id
    FROM playcart_customers
  ) AS ranked
  WHERE id <> into_id;
--> statement-breakpoint
-- The ledger stays append-only for the application; this one-off re-pointing keeps every
-- entry (amounts, reasons, source keys) as it was and only names the survivor as its owner,
-- so refunds of earlier orders still find the grants they claw back.
ALTER TABLE playcart_ledger_entries DISABLE TRIGGER playcart_ledger_no_update;
--> statement-breakpoint
UPDATE playcart_ledger_entries e SET customer_id = m.into_id FROM playcart_person_merge m WHERE e.customer_id = m.from_id;
--> statement-breakpoint
ALTER TABLE playcart_ledger_entries ENABLE TRIGGER playcart_ledger_no_update;
--> statement-breakpoint
INSERT INTO playcart_point_balances AS b (customer_id, account, balance)
  SELECT m.into_id, p.account, sum(p.balance)::int
  FROM playcart_point_balances p JOIN playcart_person_merge m ON m.from_id = p.customer_id
  GROUP BY m.into_id, p.account
  ON CONFLICT (customer_id, account) DO UPDATE SET balance = b.balance + excluded.balance;
--> statement-breakpoint
DELETE FROM playcart_point_balances p USING playcart_person_merge m WHERE p.customer_id = m.from_id;
--> statement-breakpoint
ALTER TABLE playcart_stamp_entries DISABLE TRIGGER playcart_stamps_no_update;
--> statement-breakpoint
UPDATE playcart_stamp_entries e SET customer_id = m.into_id FROM playcart_person_merge m WHERE e.customer_id = m.from_id;
--> statement-breakpoint
ALTER TABLE playcart_stamp_entries ENABLE TRIGGER playcart_stamps_no_update;
--> statement-breakpoint
UPDATE playcart_order_rewards t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_plays t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_rewards t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_events t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_contacts t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_carts t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_rule_firings t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_tier_history t SET customer_id = m.into_id FROM playcart_person_merge m WHERE t.customer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_referrals t SET referrer_id = m.into_id FROM playcart_person_merge m WHERE t.referrer_id = m.from_id;
--> statement-breakpoint
UPDATE playcart_referrals t SET friend_id = m.into_id FROM playcart_person_merge m WHERE t.friend_id = m.from_id;
--> statement-breakpoint
-- A badge the survivor does not hold moves (the earliest awarded, if several rows hold it).
UPDATE playcart_customer_badges t SET customer_id = pick.into_id
  FROM (
    SELECT DISTINCT ON (m.into_id, cb.badge_id) cb.id, m.into_id
    FROM playcart_customer_badges cb JOIN playcart_person_merge m ON m.from_id = cb.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM playcart_customer_badges s WHERE s.customer_id = m.into_id AND s.badge_id = cb.badge_id)
    ORDER BY m.into_id, cb.badge_id, cb.awarded_at, cb.id
  ) AS pick
  WHERE t.id = pick.id;
--> statement-breakpoint
-- Loyalty details (referral code, birthday, tier) move when the survivor has none.
UPDATE playcart_customer_loyalty t SET customer_id = pick.into_id
  FROM (
    SELECT DISTINCT ON (m.into_id) l.customer_id, m.into_id
    FROM playcart_customer_loyalty l JOIN playcart_person_merge m ON m.from_id = l.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM playcart_customer_loyalty s WHERE s.customer_id = m.into_id)
    ORDER BY m.into_id, l.referral_code IS NULL, l.customer_id
  ) AS pick
  WHERE t.customer_id = pick.customer_id;
--> statement-breakpoint
-- The survivor takes an account link it lacks (the first one found), in two steps: user_ref is unique.
UPDATE playcart_person_merge m SET user_ref = NULL
  WHERE m.user_ref IS NULL
     OR EXISTS (SELECT 1 FROM playcart_customers s WHERE s.id = m.into_id AND s.user_ref IS NOT NULL)
     OR EXISTS (SELECT 1 FROM playcart_person_merge o WHERE o.into_id = m.into_id AND o.user_ref IS NOT NULL AND o.from_id < m.from_id);
--> statement-breakpoint
UPDATE playcart_customers c SET user_ref = NULL FROM playcart_person_merge m WHERE c.id = m.from_id AND m.user_ref IS NOT NULL;
--> statement-breakpoint
UPDATE playcart_customers c SET user_ref = m.user_ref FROM playcart_person_merge m WHERE c.id = m.into_id AND m.user_ref IS NOT NULL;
--> statement-breakpoint
-- A merged row that still holds something it could not hand over (a badge or loyalty details
-- the survivor already had, or a second account link) stays, renamed so no lookup finds it;
-- the others go.
UPDATE playcart_customers c SET email = 'merged:' || m.into_id || ':' || c.id FROM playcart_person_merge m WHERE c.id = m.from_id;
--> statement-breakpoint
DELETE FROM playcart_customers c USING playcart_person_merge m
  WHERE c.id = m.from_id AND c.user_ref IS NULL
    AND NOT EXISTS (SELECT 1 FROM playcart_customer_badges b WHERE b.customer_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM playcart_customer_loyalty l WHERE l.customer_id = c.id);
--> statement-breakpoint
UPDATE playcart_customers SET email = playcart_person_key(email)
  WHERE email NOT LIKE 'merged:%' AND email <> playcart_person_key(email);
--> statement-breakpoint
DROP TABLE playcart_person_merge;
