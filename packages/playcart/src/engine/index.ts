// The event log and the rules engine: events, conditions, rule outcomes and the processor
// that applies them.

export * from "./conditions";
export * from "./engine";
export * from "./engine-context";
export * from "./events";
export * from "./outcomes";
export * from "./rule-outcomes";
export * from "./rules";
