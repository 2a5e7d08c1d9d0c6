// Playcart's browser-safe entry point (playcart/client): the pure modules client components
// use. Nothing here may import database code; the architecture test walks its imports.

export * from "./core/enums";
export * from "./core/money";
export * from "./core/store-time";
export type { AdventCalendar, AdventDoor } from "./games/advent";
export type { CampaignDraft, PrizeDraft } from "./games/campaign-draft";
export * from "./games/play-outcome";
export * from "./games/schedule-preview";
export * from "./games/season";
export * from "./rewards/prize-economics";
