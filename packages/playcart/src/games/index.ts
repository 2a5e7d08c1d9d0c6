// Campaigns and their games: eligibility, the draw, plays and their outcomes, odds,
// seasons, the advent calendar, nudges and the holdout group.

export * from "./advent.ts";
export * from "./audience-estimate.ts";
export * from "./audience-words.ts";
export * from "./budget.ts";
export * from "./campaign-draft.ts";
export * from "./campaign-templates.ts";
export * from "./campaigns.ts";
export * from "./draw.ts";
export * from "./draw-receipt.ts";
export * from "./draw-seeds.ts";
export * from "./entry-requirement.ts";
export * from "./fair-draw.ts";
export * from "./free-entry.ts";
export * from "./holdout.ts";
export * from "./nudges.ts";
export * from "./odds.ts";
export * from "./odds-words.ts";
export * from "./offer-token.ts";
export * from "./official-rules.ts";
export * from "./official-rules-page.ts";
export * from "./play.ts";
export * from "./play-claim.ts";
export * from "./play-grants.ts";
export * from "./play-outcome.ts";
export * from "./prize-tallies.ts";
export * from "./rules-versions.ts";
export * from "./schedule-preview.ts";
export * from "./season.ts";
export * from "./verify-receipt.ts";
