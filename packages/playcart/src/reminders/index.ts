// Cart abandonment: tracking carts, consent, the reminder schedule, dispatch, tokens,
// recoveries and push subscriptions.

export * from "./abandonment.ts";
export * from "./consent.ts";
export * from "./points-expiry.ts";
export * from "./push-subscriptions.ts";
export * from "./recovery.ts";
export * from "./reminder-dispatch.ts";
export * from "./reminder-report.ts";
export * from "./reminder-schedule.ts";
export * from "./reminder-tokens.ts";
export * from "./reminder-words.ts";
