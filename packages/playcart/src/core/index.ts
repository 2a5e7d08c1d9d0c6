// Low-level pieces every domain uses: the database handle type, errors, money, identities,
// store time, customers and settings. The tables are the separate playcart/schema entry
// point.

export * from "./customers";
export * from "./db";
export * from "./errors";
export * from "./identity";
export * from "./json-rows";
export * from "./money";
export * from "./settings";
export * from "./store-time";
