// The reminder an owner previews and sends to themselves: the newest cart a shopper left (or a
// stand-in when there is none yet), built exactly as the reminder job builds it, with the
// comeback game's prizes and the store's name, logo and DKIM signing.
import { desc } from "drizzle-orm";
import type { EngageDb } from "../../core/db.ts";
import { trackedCarts } from "../../core/schema.ts";
import type { ReminderMessage, ReminderWords } from "../../reminders/index.ts";
import type { EmailConfig } from "../config.ts";
import { comebackGames } from "./comeback-prizes.ts";
import { buildReminderEmail } from "./reminder-email.ts";
import { storeInfo } from "./reminder-sender.ts";

/** What a sample needs to know of the store (the admin's context has it all). */
export type SampleContext = {
  db: EngageDb;
  email: EmailConfig | null;
  siteUrl: string | null;
  currency: string;
  timeZone: string;
  now(): Promise<Date>;
};

const STAND_IN = { name: "A product from your store", quantity: 1, unitPriceMinor: 1_000, imageUrl: null };

async function sampleMessage(ctx: SampleContext, to: string): Promise<ReminderMessage> {
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
export async function sampleReminder(ctx: SampleContext, words: ReminderWords, to: string) {
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
