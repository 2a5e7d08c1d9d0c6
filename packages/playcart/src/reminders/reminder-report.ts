// What the store owner sees of reminders: the latest ones, and orders recovered per campaign.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";

export async function recentReminders(db: EngageDb, limit = 50) {
  return rowsOf<{
    id: number;
    email: string;
    step: number;
    status: string;
    outcome: string | null;
    due_at: string;
    sent_at: string | null;
    channels: string[] | null;
  }>(
    await db.execute(sql`
      SELECT r.id::int AS id, c.email, r.step, r.status, r.outcome, r.due_at, r.sent_at, r.channels
      FROM playcart_reminders r JOIN playcart_carts c ON c.cart_ref = r.cart_ref
      ORDER BY r.id DESC LIMIT ${limit}`),
  );
}

export async function recoveredOrders(db: EngageDb, limit = 50) {
  return rowsOf<{ order_ref: string; campaign: string | null; value_minor: number; occurred_at: string }>(
    await db.execute(sql`
      SELECT e.order_ref, s.name AS campaign, e.value_minor, e.occurred_at
      FROM playcart_events e LEFT JOIN playcart_reminder_sequences s ON s.id = e.campaign_id
      WHERE e.type = 'order.recovered'
      ORDER BY e.id DESC LIMIT ${limit}`),
  );
}
