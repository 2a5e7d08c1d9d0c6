// Recording events. Each event has a key naming its cause, so recording the same cause twice
// (a redelivered webhook, a reloaded page) leaves one event.
import type { EngageDb } from "../core/db.ts";
import { events } from "../core/schema.ts";

export const EVENT_TYPES = [
  "checkout.viewed",
  "checkout.exit_intent",
  "game.offered",
  // A shopper the campaign's holdout kept from its game (the control group for lift).
  "game.held_out",
  "game.played",
  "reward.redeemed",
  "order.paid",
  "order.refunded",
  "nudge.shown",
  "nudge.dismissed",
  "nudge.converted",
  "cart.abandoned",
  "reminder.sent",
  "reminder.clicked",
  "order.recovered",
  "consent.given",
  "consent.withdrawn",
  "review.posted",
  "referral.visited",
  // A customer shared or copied their referral link (the referral participation KPI).
  "referral.shared",
  "referral.converted",
  "referral.rejected",
  "badge.awarded",
  "badge.revoked",
  "birthday",
  "catalog.redeemed",
  // A customer signed in on a browser session: a trace the referral rules read.
  "shopper.signed_in",
  // A shopper was reminded that points expire (once per shopper and expiry instant).
  "points.expiry_reminded",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type NewEvent = {
  type: EventType;
  /** The cause, unique per event; the type is prefixed to it. */
  key: string;
  customerId?: string | null;
  sessionRef?: string | null;
  orderRef?: string | null;
  campaignId?: string | null;
  valueMinor?: number | null;
  payload?: Record<string, unknown>;
  /** The caller's clock (see lib/store/clock.ts), never the database's: one decision, one clock. */
  occurredAt: Date;
};

/** Records an event once per cause. Returns its id, or null if that cause was recorded before. */
export async function recordEvent(db: EngageDb, event: NewEvent): Promise<number | null> {
  const rows = await db
    .insert(events)
    .values({
      eventKey: `${event.type}:${event.key}`,
      type: event.type,
      customerId: event.customerId ?? null,
      sessionRef: event.sessionRef ?? null,
      orderRef: event.orderRef ?? null,
      campaignId: event.campaignId ?? null,
      valueMinor: event.valueMinor ?? null,
      payload: event.payload ?? {},
      occurredAt: event.occurredAt,
    })
    .onConflictDoNothing({ target: events.eventKey })
    .returning({ id: events.id });
  return rows[0]?.id ?? null;
}
