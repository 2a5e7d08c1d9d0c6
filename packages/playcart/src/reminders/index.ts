// Cart abandonment: tracking carts, consent, the reminder schedule, dispatch, tokens,
// recoveries and push subscriptions.

export * from "./abandonment";
export * from "./consent";
export * from "./push-subscriptions";
export * from "./recovery";
export * from "./reminder-dispatch";
export * from "./reminder-report";
export * from "./reminder-schedule";
export * from "./reminder-tokens";
