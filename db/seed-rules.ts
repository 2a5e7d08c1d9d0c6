// Demo rules, badges and the referral stamp card: a posted review makes a "community
// champion", each referred friend's first order stamps the referrer's card (9 stamps: the
// "influencer" badge), a birthday brings a dated reward, a big basket earns bonus points,
// and a regular gets 10% off their favourite category. Idempotent (by slug).
import { eq } from "drizzle-orm";
import type { RuleOutcome } from "playcart";
import type { Db } from "./client";
import { badges, rules, stampCards } from "./schema";

const demoBadges = [
  {
    slug: "influencer",
    name: "Influencer",
    description: "Nine friends placed their first order through this shopper's link.",
    emoji: "🌟",
  },
  {
    slug: "community-champion",
    name: "Community champion",
    description: "Shared an honest review to help other shoppers choose.",
    emoji: "💬",
  },
];

type RuleSeed = {
  slug: string;
  name: string;
  trigger: string;
  condition: unknown;
  outcomes: RuleOutcome[];
  position: number;
};

const demoRules: RuleSeed[] = [
  {
    slug: "review-champion",
    name: "A review makes a community champion",
    trigger: "review.posted",
    condition: true,
    outcomes: [{ type: "grant_badge", badge: "community-champion" }],
    position: 0,
  },
  {
    slug: "referral-stamp",
    name: "A referred friend's first order stamps the referrer's card",
    trigger: "referral.converted",
    condition: true,
    outcomes: [{ type: "grant_stamp", card: "referrals", stamps: 1 }],
    position: 0,
  },
  {
    slug: "birthday-treat",
    name: "Birthday treat",
    trigger: "birthday",
    condition: true,
    outcomes: [
      {
        type: "issue_reward",
        label: "Happy birthday: $5 off",
        rewardType: "amount_off",
        rewardValue: 500,
        validDays: 14,
      },
    ],
    position: 0,
  },
  {
    slug: "big-basket-bonus",
    name: "Big basket bonus",
    trigger: "order.paid",
    condition: { ">=": [{ var: "cart.valueMinor" }, 5_000] },
    outcomes: [{ type: "grant_points", points: 25, reason: "Big basket bonus" }],
    position: 0,
  },
  {
    slug: "regulars-favourite",
    name: "Regulars get 10% off their favourite category",
    trigger: "order.paid",
    condition: {
      and: [{ ">=": [{ var: "customer.paidOrders" }, 3] }, { "!!": [{ var: "customer.favouriteCategory" }] }],
    },
    outcomes: [
      {
        type: "issue_reward",
        label: "10% off your favourite category",
        rewardType: "percent_off",
        rewardValue: 10,
        maxDiscountMinor: 2_000,
        category: "favourite",
        validDays: 30,
      },
    ],
    position: 1,
  },
];

export async function seedRules(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(badges).values(demoBadges).onConflictDoNothing({ target: badges.slug });
    const [influencer] = await tx.select({ id: badges.id }).from(badges).where(eq(badges.slug, "influencer"));
    await tx
      .insert(stampCards)
      .values({ slug: "referrals", name: "Refer a friend", stampsRequired: 9, badgeId: influencer.id })
      .onConflictDoNothing({ target: stampCards.slug });
    await tx
      .insert(rules)
      .values(demoRules.map((r) => ({ ...r, status: "live" as const })))
      .onConflictDoNothing({ target: rules.slug });
  });
}
