// Abandoned carts. The host reports a cart once it has a contact (trackCart); a cart with
// no paid order N minutes after its last change is abandoned, and its reminders are
// scheduled. Stripe's checkout.session.expired abandons a cart at once (markCartAbandoned).
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ensureCustomer } from "../core/customers.ts";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { mailAddress } from "../core/identity.ts";
import {
  contacts,
  type ReminderSequence,
  reminderSequences,
  reminders,
  type TrackedCart,
  trackedCarts,
} from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";
import { canRemind } from "./consent.ts";
import {
  DEFAULT_ABANDON_AFTER_MINUTES,
  DEFAULT_QUIET_HOURS,
  DEFAULT_STEPS,
  type QuietHours,
  reminderDueTimes,
  reminderStepsSchema,
} from "./reminder-schedule.ts";

const itemSchema = z.object({
  name: z.string().min(1).max(200),
  quantity: z.number().int().min(1).max(999),
  unitPriceMinor: z.number().int().min(0),
  imageUrl: z.string().max(500).nullish(),
  productRef: z.string().max(200).nullish(),
});

export const trackCartInput = z.object({
  cartRef: z.string().min(1).max(100),
  email: z.email(),
  sessionRef: z.string().max(100).nullish(),
  currency: z.string().regex(/^[a-z]{3}$/),
  items: z.array(itemSchema).max(200),
  now: z.date(),
});

/**
 * Reports a cart with a known contact (checkout email or signed-in account). Its last
 * activity moves to `now`; an abandoned cart the shopper changes becomes active again.
 * A cart without items is not followed.
 */
export async function trackCart(db: EngageDb, input: z.input<typeof trackCartInput>): Promise<void> {
  const c = trackCartInput.parse(input);
  if (c.items.length === 0) return;
  const email = mailAddress(c.email);
  const valueMinor = c.items.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0);
  await db.transaction(async (tx) => {
    const customer = await ensureCustomer(tx, { email });
    await tx
      .insert(trackedCarts)
      .values({
        cartRef: c.cartRef,
        email,
        customerId: customer.id,
        sessionRef: c.sessionRef ?? null,
        currency: c.currency,
        valueMinor,
        items: c.items,
        activityAt: c.now,
      })
      .onConflictDoUpdate({
        target: trackedCarts.cartRef,
        set: {
          email,
          customerId: customer.id,
          sessionRef: c.sessionRef ?? null,
          valueMinor,
          items: c.items,
          activityAt: c.now,
          status: sql`CASE WHEN ${trackedCarts.status} = 'purchased' THEN 'purchased' ELSE 'active' END`,
        },
      });
  });
}

export type SequencePlan = {
  id: string | null;
  abandonAfterMinutes: number;
  steps: z.infer<typeof reminderStepsSchema>;
  comebackCampaignId: string | null;
};

/** The live reminder sequence (the oldest live one), or the built-in defaults. */
export async function activeSequence(db: EngageDb): Promise<SequencePlan> {
  const [row] = await db
    .select()
    .from(reminderSequences)
    .where(eq(reminderSequences.status, "live"))
    .orderBy(asc(reminderSequences.createdAt))
    .limit(1);
  if (!row)
    return {
      id: null,
      abandonAfterMinutes: DEFAULT_ABANDON_AFTER_MINUTES,
      steps: DEFAULT_STEPS,
      comebackCampaignId: null,
    };
  return planOf(row);
}

const planOf = (row: ReminderSequence): SequencePlan => ({
  id: row.id,
  abandonAfterMinutes: row.abandonAfterMinutes,
  steps: reminderStepsSchema.parse(row.steps),
  comebackCampaignId: row.comebackCampaignId,
});

/** Whether the customer paid for an order at or after an instant (stops a cart's reminders). */
export const purchasedSince = (customerId: unknown, since: unknown) => sql`EXISTS (
  SELECT 1 FROM playcart_events e
  WHERE e.type = 'order.paid' AND e.customer_id = ${customerId} AND e.occurred_at >= ${since})`;

export type AbandonOptions = { now: Date; timeZone: string; quietHours?: QuietHours; limit?: number };

/**
 * Abandons every active cart idle for the sequence's N minutes, and schedules its reminders.
 * Safe to run concurrently (SKIP LOCKED) and again (a cart is abandoned once).
 * Returns how many carts it looked at (abandoned, or found bought); 0 when none are left.
 */
export async function detectAbandonedCarts(db: EngageDb, opts: AbandonOptions): Promise<number> {
  const plan = await activeSequence(db);
  const cutoff = new Date(opts.now.getTime() - plan.abandonAfterMinutes * 60_000);
  return abandon(db, plan, opts, sql`status = 'active' AND activity_at <= ${cutoff.toISOString()}`);
}

/** Abandons one cart now, whatever its age (its checkout session expired). */
export async function markCartAbandoned(db: EngageDb, cartRef: string, opts: AbandonOptions): Promise<boolean> {
  const plan = await activeSequence(db);
  return (await abandon(db, plan, opts, sql`status = 'active' AND cart_ref = ${cartRef}`)) > 0;
}

async function abandon(
  db: EngageDb,
  plan: SequencePlan,
  opts: AbandonOptions,
  where: ReturnType<typeof sql>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const now = opts.now.toISOString();
    const carts = rowsOf<{ cart_ref: string; purchased: boolean }>(
      await tx.execute(sql`
        UPDATE ${trackedCarts} c
        SET status = CASE WHEN ${purchasedSince(sql`c.customer_id`, sql`c.activity_at`)} THEN 'purchased' ELSE 'abandoned' END,
            abandoned_at = ${now}, sequence_id = ${plan.id}
        WHERE c.cart_ref IN (
          SELECT cart_ref FROM ${trackedCarts} WHERE ${where}
          ORDER BY activity_at LIMIT ${opts.limit ?? 1000} FOR UPDATE SKIP LOCKED)
        RETURNING c.cart_ref, c.status = 'purchased' AS purchased`),
    );
    const abandoned = carts.filter((c) => !c.purchased).map((c) => c.cart_ref);
    if (abandoned.length === 0) return carts.length;
    const rows = await tx
      .select({ cart: trackedCarts, contact: contacts })
      .from(trackedCarts)
      .leftJoin(contacts, eq(contacts.email, trackedCarts.email))
      .where(
        sql`${trackedCarts.cartRef} = ANY(${`{${abandoned.map((r) => `"${r.replace(/"/g, '\\"')}"`).join(",")}}`}::text[])`,
      );
    const schedule = reminderDueTimes(opts.now, plan.steps, opts.quietHours ?? DEFAULT_QUIET_HOURS, opts.timeZone);
    const due = rows
      .filter((r) => canRemind(r.contact ?? undefined))
      .flatMap((r) =>
        schedule.map((s) => ({
          cartRef: r.cart.cartRef,
          sequenceId: plan.id,
          step: s.step,
          discountPercent: s.discountPercent,
          dueAt: s.dueAt,
        })),
      );
    for (let i = 0; i < due.length; i += 1000)
      await tx
        .insert(reminders)
        .values(due.slice(i, i + 1000))
        .onConflictDoNothing();
    for (const r of rows) await recordAbandoned(tx, r.cart, plan.id, opts.now);
    return carts.length;
  });
}

async function recordAbandoned(tx: EngageDb, cart: TrackedCart, sequenceId: string | null, now: Date) {
  await recordEvent(tx, {
    type: "cart.abandoned",
    key: `${cart.cartRef}:${cart.activityAt.toISOString()}`,
    customerId: cart.customerId,
    sessionRef: cart.sessionRef,
    campaignId: sequenceId,
    valueMinor: cart.valueMinor,
    payload: { items: cart.items.length },
    occurredAt: now,
  });
}

/** The reminders of one cart, for the admin and tests. */
export async function cartReminders(db: EngageDb, cartRef: string) {
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.cartRef, cartRef)))
    .orderBy(asc(reminders.step));
}

/**
 * Schedules a tracked cart's reminders (a rule outcome can call this). Idempotent: a cart has
 * one reminder per step, so calling it again adds nothing. Nothing is scheduled without the
 * contact's consent. Returns how many reminders were added now.
 */
export async function scheduleReminders(
  db: EngageDb,
  input: { cartRef: string; now: Date; timeZone: string; quietHours?: QuietHours; steps?: SequencePlan["steps"] },
): Promise<number> {
  const [row] = await db
    .select({ cart: trackedCarts, contact: contacts })
    .from(trackedCarts)
    .leftJoin(contacts, eq(contacts.email, trackedCarts.email))
    .where(eq(trackedCarts.cartRef, input.cartRef));
  if (!row || row.cart.status === "purchased" || !canRemind(row.contact ?? undefined)) return 0;
  const plan = await activeSequence(db);
  const steps = input.steps ? reminderStepsSchema.parse(input.steps) : plan.steps;
  const due = reminderDueTimes(input.now, steps, input.quietHours ?? DEFAULT_QUIET_HOURS, input.timeZone);
  const added = await db
    .insert(reminders)
    .values(
      due.map((d) => ({
        cartRef: input.cartRef,
        sequenceId: row.cart.sequenceId ?? plan.id,
        step: d.step,
        discountPercent: d.discountPercent,
        dueAt: d.dueAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: reminders.id });
  return added.length;
}
