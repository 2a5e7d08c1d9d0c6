// Campaigns and their games: eligibility, the draw, plays and their outcomes, odds,
// seasons, the advent calendar, nudges and the holdout group.

export * from "./advent";
export * from "./audience-words";
export * from "./campaign-draft";
export * from "./campaigns";
export * from "./draw";
export * from "./holdout";
export * from "./nudges";
export * from "./odds";
export * from "./play";
export * from "./play-claim";
export * from "./play-grants";
export * from "./play-outcome";
export * from "./schedule-preview";
export * from "./season";
