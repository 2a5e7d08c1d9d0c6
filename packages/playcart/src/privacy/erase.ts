// Deleting a shopper's loyalty data (the right to erasure) without breaking the books: the
// ledger is append-only and its sums are the store's liability, and KPIs count events, plays
// and orders. So the customer row stays as an anonymous tombstone (same id, no email, name or
// account link) that keeps every ledger entry, order, play and event; what identifies the
// person is removed (contacts, push subscriptions, carts not yet abandoned, birthday, referral
// code) or scrubbed (emails in event keys and payloads, order facts, referral notes, identity
// keys of plays, rewards and allowances); unused rewards are voided and reminders not yet sent
// are cancelled. One transaction per request, idempotent: a tombstone is skipped.
import { sql } from "drizzle-orm";
import { recordAudit } from "../admin/index.ts";
import type { EngageDb } from "../core/db.ts";
import { pgError, rowsOf } from "../core/db.ts";
import { identityKeysOf } from "./export-sections.ts";
import { type ShopperIdentity, shopperCustomerIds } from "./shopper-records.ts";
import { isErased, tombstoneOf } from "./tombstone.ts";

export type ErasureCounts = {
  contacts: number;
  pushSubscriptions: number;
  cartsDeleted: number;
  cartsScrubbed: number;
  remindersCancelled: number;
  rewardsVoided: number;
  eventsScrubbed: number;
};

export type ErasureResult = { erased: string[]; counts: ErasureCounts };

const zero = (): ErasureCounts => ({
  contacts: 0,
  pushSubscriptions: 0,
  cartsDeleted: 0,
  cartsScrubbed: 0,
  remindersCancelled: 0,
  rewardsVoided: 0,
  eventsScrubbed: 0,
});

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const count = (result: unknown) =>
  (result as { count?: number }).count ?? (result as { affectedRows?: number }).affectedRows ?? rowsOf(result).length;

/** Every spelling of this person's email Playcart has stored (lower-cased), their person key first. */
async function spellingsOf(tx: EngageDb, id: string, key: string): Promise<string[]> {
  const rows = rowsOf<{ s: string }>(
    await tx.execute(sql`
      SELECT lower(email) AS s FROM playcart_contacts WHERE customer_id = ${id}::uuid OR playcart_person_key(email) = ${key}
      UNION SELECT lower(email) FROM playcart_carts WHERE customer_id = ${id}::uuid OR playcart_person_key(email) = ${key}
      UNION SELECT lower(email) FROM playcart_push_subscriptions WHERE playcart_person_key(email) = ${key}
      UNION SELECT lower(f.email) FROM playcart_order_facts f
        WHERE playcart_person_key(f.email) = ${key}
           OR f.order_ref IN (SELECT order_ref FROM playcart_order_rewards WHERE customer_id = ${id}::uuid)`),
  );
  return [...new Set([key, ...rows.map((r) => r.s)])];
}

async function eraseOne(
  tx: EngageDb,
  customer: { id: string; email: string; userRef: string | null },
  counts: ErasureCounts,
): Promise<void> {
  const { id, email: key } = customer;
  const tomb = tombstoneOf(id);
  const spellings = await spellingsOf(tx, id, key);
  // Longest first, so a spelling that contains another is replaced whole.
  const pattern = spellings
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join("|");
  const scrub = (column: ReturnType<typeof sql>) => sql`regexp_replace(${column}, ${pattern}, ${tomb}, 'gi')`;
  const ids = sql`${id}::uuid`;

  counts.contacts += count(
    await tx.execute(
      sql`DELETE FROM playcart_contacts WHERE customer_id = ${ids} OR playcart_person_key(email) = ${key}`,
    ),
  );
  counts.pushSubscriptions += count(
    await tx.execute(sql`DELETE FROM playcart_push_subscriptions WHERE playcart_person_key(email) = ${key}`),
  );
  // Reminders not yet sent stop; sent ones stay (the recovery KPIs count them) on a scrubbed cart.
  counts.remindersCancelled += count(
    await tx.execute(sql`
      UPDATE playcart_reminders SET status = 'cancelled', outcome = 'erased'
      WHERE status IN ('scheduled', 'failed') AND cart_ref IN (
        SELECT cart_ref FROM playcart_carts WHERE customer_id = ${ids} OR playcart_person_key(email) = ${key})`),
  );
  // A cart still active has no reminders or events yet: it goes. Abandoned and purchased ones
  // are the abandonment KPIs' rows: they stay, without the email.
  counts.cartsDeleted += count(
    await tx.execute(sql`
      DELETE FROM playcart_carts c WHERE (c.customer_id = ${ids} OR playcart_person_key(c.email) = ${key})
        AND c.status = 'active' AND NOT EXISTS (SELECT 1 FROM playcart_reminders r WHERE r.cart_ref = c.cart_ref)`),
  );
  counts.cartsScrubbed += count(
    await tx.execute(sql`
      UPDATE playcart_carts SET email = ${tomb}, customer_id = ${ids},
        status = CASE WHEN status = 'active' THEN 'abandoned' ELSE status END
      WHERE customer_id = ${ids} OR playcart_person_key(email) = ${key}`),
  );
  await tx.execute(sql`
    UPDATE playcart_order_facts SET email = ${tomb}
    WHERE playcart_person_key(email) = ${key}
       OR order_ref IN (SELECT order_ref FROM playcart_order_rewards WHERE customer_id = ${ids})`);
  counts.eventsScrubbed += count(
    await tx.execute(sql`
      UPDATE playcart_events SET event_key = ${scrub(sql`event_key`)}, payload = ${scrub(sql`payload::text`)}::jsonb
      WHERE (customer_id = ${ids} OR (type = 'referral.rejected' AND payload->>'friendId' = ${id}))
        AND (event_key ~* ${pattern} OR payload::text ~* ${pattern})`),
  );
  await tx.execute(sql`
    UPDATE playcart_referrals SET detail = ${scrub(sql`detail`)}
    WHERE (friend_id = ${ids} OR referrer_id = ${ids}) AND detail ~* ${pattern}`);

  // Identity keys: the email's and the account's become the tombstone's; a device key stays.
  const keys = identityKeysOf({ emails: [key], userRefs: customer.userRef ? [customer.userRef] : [] });
  const keysJson = JSON.stringify(keys);
  const renamed = sql`(SELECT coalesce(jsonb_agg(CASE WHEN k.v = ANY(ARRAY(SELECT jsonb_array_elements_text(${keysJson}::jsonb)))
      THEN ${tomb} ELSE k.v END), '[]'::jsonb) FROM jsonb_array_elements_text(identity_keys) AS k(v))`;
  await tx.execute(
    sql`UPDATE playcart_plays SET identity_keys = ${renamed} WHERE customer_id = ${ids} AND identity_keys ?| ARRAY(SELECT jsonb_array_elements_text(${keysJson}::jsonb))`,
  );
  await tx.execute(
    sql`UPDATE playcart_rewards SET identity_keys = ${renamed} WHERE customer_id = ${ids} AND identity_keys ?| ARRAY(SELECT jsonb_array_elements_text(${keysJson}::jsonb))`,
  );
  // An allowance row per key and window: each key gets its own tombstone name (the primary key).
  await tx.execute(sql`
    UPDATE playcart_play_allowances SET identity_key = ${tomb} || ':' || split_part(identity_key, ':', 1)
    WHERE identity_key IN (SELECT jsonb_array_elements_text(${keysJson}::jsonb))`);

  counts.rewardsVoided += count(
    await tx.execute(sql`UPDATE playcart_rewards SET status = 'void' WHERE customer_id = ${ids} AND status = 'issued'`),
  );
  await tx.execute(
    sql`UPDATE playcart_customer_loyalty SET birthday = NULL, referral_code = NULL WHERE customer_id = ${ids}`,
  );
  await tx.execute(
    sql`UPDATE playcart_customers SET email = ${tomb}, user_ref = NULL, display_name = NULL WHERE id = ${ids}`,
  );
}

const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Erases these customer rows in one transaction (rows already erased are skipped) and records
 * the deletion in the audit trail: who asked, the customer id and what was removed, no PII.
 */
export async function eraseCustomers(
  db: EngageDb,
  input: { customerIds: string[]; actor: string; now: Date; requestedBy: "shopper" | "owner" },
): Promise<ErasureResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const counts = zero();
        const erased: string[] = [];
        // Locked in id order: two deletions (or a deletion and a second tab) wait, never deadlock.
        const locked = rowsOf<{ id: string; email: string; user_ref: string | null }>(
          await tx.execute(sql`
            SELECT id, email, user_ref FROM playcart_customers
            WHERE id = ANY(${`{${input.customerIds.join(",")}}`}::uuid[]) ORDER BY id FOR UPDATE`),
        );
        for (const row of locked) {
          if (isErased(row.email)) continue;
          await eraseOne(tx, { id: row.id, email: row.email, userRef: row.user_ref }, counts);
          erased.push(row.id);
        }
        for (const id of erased)
          await recordAudit(tx, {
            actor: input.actor,
            action: "customer.erase",
            entity: "customer",
            entityId: id,
            after: { requestedBy: input.requestedBy, at: input.now.toISOString(), ...counts },
          });
        return { erased, counts };
      });
    } catch (err) {
      // A concurrent write to the same rows (an order being paid, a play) can deadlock with
      // the deletion; Postgres aborts one side, and the deletion simply runs again.
      if (attempt < 3 && RETRYABLE.has(pgError(err)?.code ?? "")) continue;
      throw err;
    }
  }
}

/** A signed-in shopper's own deletion: every customer row that is theirs (see shopperCustomerIds). */
export async function eraseShopperData(
  db: EngageDb,
  input: { shopper: ShopperIdentity; now: Date },
): Promise<ErasureResult> {
  const customerIds = await shopperCustomerIds(db, input.shopper);
  if (customerIds.length === 0) return { erased: [], counts: zero() };
  return eraseCustomers(db, { customerIds, actor: "shopper", now: input.now, requestedBy: "shopper" });
}
