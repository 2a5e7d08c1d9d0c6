// The value lists and shapes of Playcart's game columns. Free of database code, so that
// browser components can import them (playcart/client); schema.ts re-exports them.

export const GAME_TYPES = ["spin_wheel", "shake_tree", "scratch_card", "advent_calendar"] as const;
export type GameType = (typeof GAME_TYPES)[number];
// Where a campaign's game is offered.
// seasonal_page: a page of its own (the advent calendar), not the checkout.
// comeback: offered to a shopper coming back from a reminder or held by the exit nudge.
export const PLACEMENTS = ["checkout_first_order", "checkout_returning", "seasonal_page", "comeback"] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const CAMPAIGN_STATUSES = ["draft", "live", "paused", "ended"] as const;
export const REWARD_TYPES = [
  "percent_off",
  "amount_off",
  "free_product",
  "free_shipping",
  "bonus_points",
  "none",
] as const;
export type RewardType = (typeof REWARD_TYPES)[number];
// this_order: lowers the order being checked out; next_order: a later order, same session or before expiry.
export const REWARD_SCOPES = ["this_order", "next_order"] as const;
export type RewardScope = (typeof REWARD_SCOPES)[number];

export type PlayAllowance = { default: number; byTier?: Record<string, number> };
// Every year from month/day 00:00 store time, for `days` store days (see season.ts).
export type CampaignSeason = { month: number; day: number; days: number };
