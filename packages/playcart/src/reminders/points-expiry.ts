// Reminders before points expire: one per shopper per expiry instant, only to contacts who gave
// marketing consent and did not unsubscribe (the same rules as cart reminders). The claim is
// an event keyed by shopper and expiry (`points.expiry_reminded`), so two schedulers at once
// send it once; a send that fails after the claim is not retried (at most once).
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { contacts, events } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";
import { lotsWithRemainder } from "../ledger/index.ts";

export type ExpiryNotice = {
  customerId: string;
  email: string;
  points: number;
  valueMinor: number;
  expiresAt: Date;
};

const DAY_MS = 86_400_000;

/** Shoppers with consent whose available points expire within `soonDays`, soonest expiry each. */
export async function dueExpiryNotices(
  db: EngageDb,
  opts: { now: Date; soonDays: number; limit?: number },
): Promise<ExpiryNotice[]> {
  type Row = { customer_id: string; email: string; points: number; value: string | number; expires_at: string | Date };
  const until = new Date(opts.now.getTime() + opts.soonDays * DAY_MS).toISOString();
  const rows = rowsOf<Row>(
    await db.execute(sql`
      SELECT DISTINCT ON (l.customer_id) l.customer_id, c.email, l.expires_at,
             sum(l.remaining) OVER w AS points, round(sum(l.remaining * l.value_minor_per_point) OVER w) AS value
      FROM (${lotsWithRemainder}) l
      JOIN ${contacts} c ON c.customer_id = l.customer_id AND c.consent_at IS NOT NULL AND c.unsubscribed_at IS NULL
      WHERE l.account = 'available' AND l.remaining > 0
        AND l.expires_at > ${opts.now.toISOString()}::timestamptz AND l.expires_at <= ${until}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM ${events} e WHERE e.event_key = 'points.expiry_reminded:' || l.customer_id || ':' || to_char(l.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'))
      WINDOW w AS (PARTITION BY l.customer_id, l.expires_at)
      ORDER BY l.customer_id, l.expires_at
      LIMIT ${opts.limit ?? 500}`),
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    email: r.email,
    points: Number(r.points),
    valueMinor: Number(r.value),
    expiresAt: new Date(r.expires_at),
  }));
}

const expiryKey = (n: Pick<ExpiryNotice, "customerId" | "expiresAt">) =>
  `${n.customerId}:${n.expiresAt.toISOString().slice(0, 19)}`;

/** Claims the notice for this run; false when another run already did. */
export async function claimExpiryNotice(db: EngageDb, n: ExpiryNotice, now: Date): Promise<boolean> {
  const id = await recordEvent(db, {
    type: "points.expiry_reminded",
    key: expiryKey(n),
    customerId: n.customerId,
    valueMinor: n.valueMinor,
    payload: { points: n.points, expiresAt: n.expiresAt.toISOString() },
    occurredAt: now,
  });
  return id !== null;
}
