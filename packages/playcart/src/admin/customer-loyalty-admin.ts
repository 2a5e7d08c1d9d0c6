// The loyalty side of a customer for the admin's profile: category affinity, badges and stamp
// cards, tier history, and the reminders and consent of their email.
import { desc, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { contacts, reminders, trackedCarts } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { categoryAffinity, customerBadgeList, stampCardProgress, tierHistoryOf } from "../loyalty/index.ts";

export async function customerLoyaltyDetail(
  db: EngageDb,
  customer: { id: string; email: string },
  settings: EngageSettings,
  now: Date,
) {
  const affinity = await categoryAffinity(db, customer.id, now, settings.affinityHalfLifeDays);
  const badges = await customerBadgeList(db, customer.id);
  const cards = await stampCardProgress(db, customer.id);
  const tiers = await tierHistoryOf(db, customer.id);
  const [contact] = await db
    .select({
      consentAt: contacts.consentAt,
      consentWording: contacts.consentWording,
      consentSource: contacts.consentSource,
      unsubscribedAt: contacts.unsubscribedAt,
      lastReminderAt: contacts.lastReminderAt,
    })
    .from(contacts)
    // A person may have given consent under several spellings of their address: the latest one.
    .where(eq(contacts.customerId, customer.id))
    .orderBy(sql`${contacts.consentAt} DESC NULLS LAST`)
    .limit(1);
  const reminderRows = await db
    .select({
      id: reminders.id,
      cartRef: reminders.cartRef,
      step: reminders.step,
      dueAt: reminders.dueAt,
      status: reminders.status,
      outcome: reminders.outcome,
      channels: reminders.channels,
      discountPercent: reminders.discountPercent,
    })
    .from(reminders)
    .innerJoin(trackedCarts, eq(trackedCarts.cartRef, reminders.cartRef))
    .where(eq(trackedCarts.customerId, customer.id))
    .orderBy(desc(reminders.dueAt))
    .limit(30);
  // Highest share first; scores are the decayed weights normalised by the affinity module.
  const categories = Object.entries(affinity.scores).sort((a, b) => b[1] - a[1]);
  return {
    affinity: { favourite: affinity.favourite, categories },
    badges,
    cards,
    tierHistory: tiers,
    contact: contact ?? null,
    reminders: reminderRows,
  };
}
