// A shopper with something in every Playcart table that can hold a person: paid orders (points,
// tier, order facts), consent and a reminded cart, an active cart, a push subscription, a game
// won (play, allowance, reward), a badge and stamps, a birthday and a public name, a referral
// made and one refused (whose note names her email), a rule firing and a catalog purchase.
// The privacy suite exports and erases this history.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ensureCustomer } from "playcart/internal/core/customers";
import { getSettings, saveSettings } from "playcart/internal/core/settings";
import { play } from "playcart/internal/games/play";
import { awardBadge } from "playcart/internal/loyalty/badges";
import { setBirthday } from "playcart/internal/loyalty/birthdays";
import { setDisplayName } from "playcart/internal/loyalty/display-name";
import { judgeReferral, referralCodeFor } from "playcart/internal/loyalty/referrals";
import { grantStamps } from "playcart/internal/loyalty/stamps";
import { recomputeTier } from "playcart/internal/loyalty/tiers";
import { markCartAbandoned, trackCart } from "playcart/internal/reminders/abandonment";
import { recordConsent } from "playcart/internal/reminders/consent";
import { savePushSubscription } from "playcart/internal/reminders/push-subscriptions";
import { buyCatalogItem } from "playcart/internal/rewards/catalog";
import { rewardOwnerOf } from "playcart/internal/rewards/rewards";
import { badges, catalogItems, orderRewards, reminderSequences, ruleFirings, stampCards } from "playcart/schema";
import type { Db } from "@/db/client";
import { event, paidOrder, rule, TZ } from "./engage-fixtures";
import { insertLiveCampaign } from "./live-campaign";

export type ShopperHistory = {
  email: string;
  customerId: string;
  userRef: string;
  displayName: string;
  orders: string[];
};

const CART_ITEMS = [{ name: "House blend", quantity: 2, unitPriceMinor: 1_500, productRef: "house-blend" }];

/** Store-wide pieces the history uses (a badge, a stamp card, a catalog item, a reminder sequence). */
export async function seedLoyaltyProgramme(db: Db): Promise<void> {
  await db
    .insert(badges)
    .values({ slug: "regular", name: "Regular", description: "Ordered three times" })
    .onConflictDoNothing();
  await db
    .insert(stampCards)
    .values({ slug: "coffee-card", name: "Coffee card", stampsRequired: 9 })
    .onConflictDoNothing();
  await db
    .insert(catalogItems)
    .values({ slug: "five-off", name: "$5 off", pointsCost: 50, rewardType: "amount_off", rewardValue: 500 })
    .onConflictDoNothing();
  await db
    .insert(reminderSequences)
    .values({ slug: "default", name: "Cart reminders", steps: [{ afterMinutes: 60 }, { afterMinutes: 1_440 }] })
    .onConflictDoNothing();
}

export async function buildShopperHistory(db: Db, email: string, now: Date): Promise<ShopperHistory> {
  const userRef = `user-${randomUUID()}`;
  const session = `sess-${randomUUID()}`;
  const customer = await ensureCustomer(db, { email, userRef });
  // Points at once (no return window), so the history can spend them on a catalog reward.
  await saveSettings(db, { returnWindowDays: 0 });
  const first = await paidOrder(db, { email, amountMinor: 25_000, sessionRef: session, userRef, paidAt: now });
  const settings = await getSettings(db);
  await recomputeTier(db, customer.id, settings, now, null);
  await setBirthday(db, customer.id, "04-12");
  const displayName = `Ada ${randomUUID().slice(0, 6)}`;
  await setDisplayName(db, customer.id, displayName);
  const code = await referralCodeFor(db, customer.id);

  // Consent, a cart reminded after abandonment, and a cart still active.
  await recordConsent(db, { email, wording: "Email me reminders about my cart.", source: "checkout", now });
  // Carts after the orders: a purchase since a cart's last change would close it unreminded.
  const later = new Date(now.getTime() + 5 * 60_000);
  const remindedCart = `cart-${randomUUID()}`;
  await trackCart(db, {
    cartRef: remindedCart,
    email,
    sessionRef: session,
    currency: "usd",
    items: CART_ITEMS,
    now: later,
  });
  await markCartAbandoned(db, remindedCart, { now: later, timeZone: TZ });
  await trackCart(db, {
    cartRef: `cart-${randomUUID()}`,
    email,
    sessionRef: session,
    currency: "usd",
    items: CART_ITEMS,
    now: later,
  });
  await savePushSubscription(db, email, {
    endpoint: `https://push.example.test/${randomUUID()}`,
    keys: { p256dh: "p".repeat(40), auth: "a".repeat(16) },
  });

  // A game won: a play, its allowance and a next-order reward.
  const { campaign } = await insertLiveCampaign(db, { placement: "checkout_returning", rewardScope: "next_order" }, [
    { label: "$3 off next time", rewardType: "amount_off", rewardValue: 300 },
  ]);
  await play(db, {
    campaignId: campaign.id,
    requestId: randomUUID(),
    shopper: { email, userRef, deviceId: `dev-${randomUUID()}`, sessionRef: session, signedIn: true },
    cart: { valueMinor: 3_000, itemCount: 2, categories: ["coffee"] },
    now,
    timeZone: TZ,
  });

  await awardBadge(db, { customerId: customer.id, badge: "regular", now });
  await grantStamps(db, {
    customerId: customer.id,
    card: "coffee-card",
    stamps: 1,
    reason: "Order paid",
    sourceKey: `stamp-${randomUUID()}`,
    now,
  });
  const [item] = await db.select().from(catalogItems).where(eq(catalogItems.slug, "five-off"));
  await buyCatalogItem(db, {
    customerId: customer.id,
    itemId: item.id,
    requestId: randomUUID(),
    owner: rewardOwnerOf({ email, userRef, sessionRef: session, signedIn: true }),
    now,
  });

  // A friend she referred, and a refused referral of her own second order (its note names her).
  const friend = `friend-${randomUUID().slice(0, 8)}@example.test`;
  const friendOrder = await paidOrder(db, { email: friend, amountMinor: 4_000, referralCode: code, paidAt: now });
  const [friendReward] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, friendOrder));
  await judgeReferral(db, friendReward, now);
  const referrer = await ensureCustomer(db, { email: `referrer-${randomUUID().slice(0, 8)}@example.test` });
  const second = await paidOrder(db, {
    email,
    amountMinor: 2_000,
    userRef,
    sessionRef: session,
    referralCode: await referralCodeFor(db, referrer.id),
    paidAt: new Date(now.getTime() + 60_000),
  });
  const [secondReward] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, second));
  await judgeReferral(db, secondReward, now);

  // A rule that fired for her.
  const fired = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 5 }] });
  const eventId = await event(db, "review.posted", { customerId: customer.id });
  await db
    .insert(ruleFirings)
    .values({ eventId, ruleId: fired.id, customerId: customer.id, applied: [{ type: "grant_points", points: 5 }] });
  return { email, customerId: customer.id, userRef, displayName, orders: [first, second] };
}
