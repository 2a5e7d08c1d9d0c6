// The event log and the rules engine: events, conditions, rule outcomes and the processor
// that applies them.

export * from "./conditions.ts";
export * from "./engine.ts";
export * from "./engine-context.ts";
export * from "./events.ts";
export * from "./outcomes.ts";
export * from "./rule-outcomes.ts";
export * from "./rules.ts";
