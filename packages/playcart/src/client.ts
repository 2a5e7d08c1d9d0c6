// Playcart's browser-safe entry point (playcart/client): the pure modules client components
// use. Nothing here may import database code; the architecture test walks its imports.

export * from "./core/enums.ts";
export * from "./core/money.ts";
export * from "./core/payment-status.ts";
export * from "./core/store-terms.ts";
export * from "./core/store-time.ts";
export * from "./engine/condition-money.ts";
export type { AdventCalendar, AdventDoor } from "./games/advent.ts";
export * from "./games/budget.ts";
export type { CampaignDraft, PrizeDraft } from "./games/campaign-draft.ts";
export * from "./games/entry-requirement.ts";
export * from "./games/play-outcome.ts";
export * from "./games/schedule-preview.ts";
export * from "./games/season.ts";
export * from "./rewards/prize-economics.ts";
