// Campaigns to start from: each a whole, valid draft (game, placement, audience, schedule,
// prizes and odds) that the owner creates as a draft and then edits. Amounts are in minor
// units. Pure and browser-safe: the admin lists them and the server builds the one chosen.
import type { Tier } from "../core/settings.ts";
import type { CampaignDraft, PrizeDraft } from "./campaign-draft.ts";

export const CAMPAIGN_TEMPLATE_KEYS = [
  "first-order-wheel",
  "weekend-spin-vips",
  "advent-calendar",
  "win-back-scratch-card",
] as const;
export type CampaignTemplateKey = (typeof CAMPAIGN_TEMPLATE_KEYS)[number];

export type CampaignTemplate = { key: CampaignTemplateKey; title: string; summary: string; draft: CampaignDraft };

/** A prize with no limits and no cost unless given. */
export const prizeDraft = (
  p: Pick<PrizeDraft, "label" | "weight" | "rewardType"> & Partial<PrizeDraft>,
): PrizeDraft => ({
  rewardValue: 0,
  productRef: null,
  maxDiscountMinor: null,
  costMinor: 0,
  inventory: null,
  budgetValueMinor: null,
  dailyCap: null,
  ...p,
});

const tierIs = (name: string) => ({ "==": [{ var: "customer.tier" }, name] });

/** VIPs: every tier above the first; a store with one tier counts shoppers with 3 or more orders. */
function vipAudience(tiers: Pick<Tier, "name">[]): unknown {
  const vips = tiers.slice(1).map((t) => tierIs(t.name));
  if (vips.length === 0) return { ">=": [{ var: "customer.paidOrders" }, 3] };
  return vips.length === 1 ? vips[0] : { or: vips };
}

export function campaignTemplates(tiers: Pick<Tier, "name">[]): CampaignTemplate[] {
  const base = {
    startsAt: null,
    endsAt: null,
    season: null,
    windows: [],
    lifetimeLimit: null,
    budgetTotalMinor: null,
    budgetDailyMinor: null,
    freeEntry: false,
    everyPlayWins: false,
    extraTerms: null,
  };
  return [
    {
      key: "first-order-wheel",
      title: "First-order wheel",
      summary: "A shopper placing their first order spins once for a discount on that order.",
      draft: {
        ...base,
        name: "Spin for a discount on your first order",
        slug: "first-order-wheel",
        gameType: "spin_wheel",
        placement: "checkout_first_order",
        audience: { "==": [{ var: "customer.firstPurchase" }, true] },
        allowance: { default: 1 },
        lifetimeLimit: 1,
        rewardScope: "this_order",
        rewardValidDays: 7,
        holdoutPercent: 10,
        prizes: [
          prizeDraft({ label: "5% off", weight: 50, rewardType: "percent_off", rewardValue: 5, costMinor: 150 }),
          prizeDraft({
            label: "10% off",
            weight: 30,
            rewardType: "percent_off",
            rewardValue: 10,
            maxDiscountMinor: 2000,
            costMinor: 300,
          }),
          prizeDraft({ label: "Free shipping", weight: 20, rewardType: "free_shipping", costMinor: 400 }),
        ],
      },
    },
    {
      key: "weekend-spin-vips",
      title: "Weekend spin for VIPs",
      summary: "Your higher tiers spin on weekend evenings (store time) for a reward on their next order.",
      draft: {
        ...base,
        name: "Weekend spin for our VIPs",
        slug: "weekend-spin-vips",
        gameType: "spin_wheel",
        placement: "checkout_returning",
        audience: vipAudience(tiers),
        windows: [
          { weekday: 5, start: "17:00", end: "22:00" },
          { weekday: 6, start: "16:00", end: "22:00" },
          { weekday: 7, start: "18:00", end: "22:00" },
        ],
        // Each tier's play multiplier (settings) gives the higher tiers more spins.
        allowance: { default: 1 },
        rewardScope: "next_order",
        rewardValidDays: 14,
        holdoutPercent: 10,
        prizes: [
          prizeDraft({
            label: "15% off your next order",
            weight: 20,
            rewardType: "percent_off",
            rewardValue: 15,
            maxDiscountMinor: 3000,
            costMinor: 450,
          }),
          prizeDraft({
            label: "$5 off your next order",
            weight: 40,
            rewardType: "amount_off",
            rewardValue: 500,
            costMinor: 500,
          }),
          prizeDraft({
            label: "50 bonus points",
            weight: 25,
            rewardType: "bonus_points",
            rewardValue: 50,
            costMinor: 50,
          }),
          prizeDraft({ label: "No prize this time", weight: 15, rewardType: "none" }),
        ],
        // It can lose and comes with a purchase: the law in most markets wants a free way in.
        freeEntry: true,
      },
    },
    {
      key: "advent-calendar",
      title: "Advent calendar",
      summary: "Twelve doors, one a day from 1 December (store time), every year, each a reward on a later order.",
      draft: {
        ...base,
        name: "Our advent calendar",
        slug: "advent-calendar",
        gameType: "advent_calendar",
        placement: "seasonal_page",
        audience: true,
        season: { month: 12, day: 1, days: 12 },
        allowance: { default: 1 },
        lifetimeLimit: 12,
        rewardScope: "next_order",
        rewardValidDays: 14,
        // Everyone gets the calendar: holdouts are for campaigns that measure lift.
        holdoutPercent: 0,
        prizes: [
          prizeDraft({
            label: "Free shipping on your next order",
            weight: 30,
            rewardType: "free_shipping",
            costMinor: 300,
          }),
          prizeDraft({
            label: "10% off your next order",
            weight: 30,
            rewardType: "percent_off",
            rewardValue: 10,
            maxDiscountMinor: 2000,
            costMinor: 250,
          }),
          prizeDraft({
            label: "25 bonus points",
            weight: 40,
            rewardType: "bonus_points",
            rewardValue: 25,
            costMinor: 25,
          }),
        ],
      },
    },
    {
      key: "win-back-scratch-card",
      title: "Win-back scratch card",
      summary: "A shopper who left their cart and comes back (from a reminder or the exit nudge) scratches once.",
      draft: {
        ...base,
        name: "Scratch to win back your cart",
        slug: "win-back-scratch-card",
        gameType: "scratch_card",
        placement: "comeback",
        audience: true,
        allowance: { default: 1 },
        lifetimeLimit: 1,
        rewardScope: "this_order",
        rewardValidDays: 3,
        holdoutPercent: 10,
        prizes: [
          prizeDraft({
            label: "10% off this order",
            weight: 40,
            rewardType: "percent_off",
            rewardValue: 10,
            maxDiscountMinor: 2000,
            costMinor: 300,
          }),
          prizeDraft({ label: "Free shipping", weight: 40, rewardType: "free_shipping", costMinor: 400 }),
          prizeDraft({
            label: "15% off this order",
            weight: 20,
            rewardType: "percent_off",
            rewardValue: 15,
            maxDiscountMinor: 3000,
            costMinor: 450,
          }),
        ],
      },
    },
  ];
}

export function campaignTemplate(key: CampaignTemplateKey, tiers: Pick<Tier, "name">[]): CampaignTemplate {
  return campaignTemplates(tiers).find((t) => t.key === key)!;
}
