// The reminder an owner previews and sends to themselves: the newest cart a shopper left (or a
// stand-in when there is none yet), built exactly as the reminder job builds it, with the
// comeback game's prizes and the store's name, logo and DKIM signing.
import { desc } from "drizzle-orm";
import { trackedCarts } from "../core/schema.ts";
import { comebackGames } from "../next/email/comeback-prizes.ts";
import { buildReminderEmail } from "../next/email/reminder-email.ts";
import { storeInfo } from "../next/email/reminder-sender.ts";
import type { ReminderMessage, ReminderWords } from "../reminders/index.ts";
import type { AdminContext } from "./config.ts";

const STAND_IN = { name: "A product from your store", quantity: 1, unitPriceMinor: 1_000, imageUrl: null };

async function sampleMessage(ctx: AdminContext, to: string): Promise<ReminderMessage> {
  const [cart] = await ctx.db
    .select({ items: trackedCarts.items, valueMinor: trackedCarts.valueMinor, currency: trackedCarts.currency })
    .from(trackedCarts)
    .orderBy(desc(trackedCarts.activityAt))
    .limit(1);
  const items = cart?.items.length ? cart.items : [STAND_IN];
  return {
    reminderId: 0,
    cartRef: "test",
    email: to,
    customerId: "",
    sessionRef: null,
    sequenceId: null,
    step: 1,
    discountPercent: null,
    items,
    valueMinor: cart?.items.length ? cart.valueMinor : STAND_IN.unitPriceMinor,
    currency: cart?.currency ?? ctx.currency,
  };
}

/** The sample reminder with these words, to `to`; its links lead to the store's front page. */
export async function sampleReminder(ctx: AdminContext, words: ReminderWords, to: string) {
  const email = ctx.email ?? { from: "Your store <store@localhost>", postalAddress: "" };
  const origin = ctx.siteUrl ?? "http://localhost:3000";
  const now = await ctx.now();
  const m = await sampleMessage(ctx, to);
  const comeback = await comebackGames(ctx.db, { now, timeZone: ctx.timeZone, currency: ctx.currency })(m);
  const home = `${origin}/`;
  return buildReminderEmail(m, { restoreUrl: home, unsubscribeUrl: home }, storeInfo(email, origin), {
    words,
    comeback,
  });
}
