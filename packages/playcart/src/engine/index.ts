// The event log and the rules engine: events, conditions, rule outcomes and the processor
// that applies them.

export * from "./condition-money.ts";
export * from "./conditions.ts";
export * from "./engine.ts";
export * from "./engine-context.ts";
export * from "./event-fields.ts";
export * from "./events.ts";
export * from "./outcomes.ts";
export * from "./rule-outcomes.ts";
export * from "./rules.ts";
