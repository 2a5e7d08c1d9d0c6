// Applies one rule outcome for one event. Each write is keyed by rule and event, so the
// firing's primary key and these keys together make a replay apply nothing twice.
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { identityKeys } from "../core/identity.ts";
import { type Customer, customers, type EngageEvent, type Rule, rewards } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { grantBonusPlays } from "../games/index.ts";
import { lotTermsFor, postEntry } from "../ledger/index.ts";
import { awardBadge, categoryAffinity, grantStamps } from "../loyalty/index.ts";
import type { RuleOutcome } from "./rule-outcomes.ts";

export type Applied = Record<string, unknown> & { type: RuleOutcome["type"] };

type Firing = { rule: Rule; event: EngageEvent; settings: EngageSettings; now: Date };

export async function applyOutcome(db: EngageDb, outcome: RuleOutcome, f: Firing): Promise<Applied> {
  const customer = f.event.customerId
    ? (await db.select().from(customers).where(eq(customers.id, f.event.customerId)))[0]
    : undefined;
  // Every outcome is for a known customer; a guest's event fires the rule but grants nothing.
  if (!customer) return { type: outcome.type, skipped: "no customer" };
  const key = `rule:${f.rule.id}:${f.event.id}`;
  switch (outcome.type) {
    case "grant_points": {
      const entry = await postEntry(db, {
        customerId: customer.id,
        delta: outcome.points,
        kind: "bonus",
        reason: outcome.reason ?? f.rule.name,
        sourceKey: key,
        at: f.now,
        lot: lotTermsFor(f.settings, f.now),
      });
      return { type: outcome.type, points: entry ? outcome.points : 0, sourceKey: key };
    }
    case "grant_plays":
    case "offer_game": {
      const campaignId = outcome.campaignId ?? f.rule.campaignId;
      if (!campaignId) return { type: outcome.type, skipped: "no campaign" };
      const plays = outcome.type === "grant_plays" ? outcome.plays : 1;
      // "Offer a game" is a play to use where the game shows. No game.offered here: an offer
      // is logged only when a page shows the shopper the game (next/checkout.ts), or the
      // KPIs would count offers nobody saw.
      await grantBonusPlays(db, campaignId, playKey(customer), plays);
      return { type: outcome.type, campaignId, plays };
    }
    case "grant_stamp": {
      const r = await grantStamps(db, {
        customerId: customer.id,
        card: outcome.card,
        stamps: outcome.stamps,
        reason: f.rule.name,
        sourceKey: key,
        orderRef: f.event.orderRef,
        now: f.now,
      });
      return {
        type: outcome.type,
        card: outcome.card,
        stamps: r?.granted ? outcome.stamps : 0,
        badgeAwarded: r?.badgeAwarded ?? false,
      };
    }
    case "grant_badge": {
      const awarded = await awardBadge(db, {
        customerId: customer.id,
        badge: outcome.badge,
        orderRef: orderEarned(f.event),
        now: f.now,
      });
      return { type: outcome.type, badge: outcome.badge, awarded };
    }
    case "issue_reward": {
      const category =
        outcome.category === "favourite"
          ? (await categoryAffinity(db, customer.id, f.now, f.settings.affinityHalfLifeDays)).favourite
          : (outcome.category ?? null);
      const [reward] = await db
        .insert(rewards)
        .values({
          customerId: customer.id,
          identityKeys: identityKeys({ email: customer.email, userRef: customer.userRef }),
          campaignId: f.rule.campaignId,
          label: category ? `${outcome.label} (${category})` : outcome.label,
          rewardType: outcome.rewardType,
          rewardValue: outcome.rewardValue,
          productRef: outcome.productRef ?? null,
          maxDiscountMinor: outcome.maxDiscountMinor ?? null,
          categoryRef: category,
          scope: "next_order",
          expiresAt: new Date(f.now.getTime() + outcome.validDays * 86_400_000),
        })
        .returning({ id: rewards.id, expiresAt: rewards.expiresAt });
      return { type: outcome.type, rewardId: reward.id, category, expiresAt: reward.expiresAt.toISOString() };
    }
  }
}

/** The identity a granted play belongs to: the customer's normalised email, as plays key it. */
const playKey = (c: Customer) => identityKeys({ email: c.email }).find((k) => k.startsWith("email:"))!;

/** Only a paid order's own event earns something a refund of that order should take back. */
const orderEarned = (e: EngageEvent) =>
  e.type === "order.paid" || e.type === "referral.converted" ? e.orderRef : null;
