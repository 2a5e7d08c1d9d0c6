// Low-level pieces every domain uses: the database handle type, errors, money, identities,
// store time, customers and settings. The tables are the separate playcart/schema entry
// point.

export * from "./customers.ts";
export * from "./db.ts";
export * from "./errors.ts";
export * from "./identity.ts";
export * from "./json-rows.ts";
export * from "./money.ts";
export * from "./payment-status.ts";
export * from "./settings.ts";
export * from "./store-terms.ts";
export * from "./store-time.ts";
