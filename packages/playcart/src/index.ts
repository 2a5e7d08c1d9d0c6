// Playcart's server core: what a host store calls. Everything takes the host's Drizzle
// handle (a database or a transaction) as its first argument. The tables are exported by
// playcart/schema, the browser-safe pieces by playcart/client.

export * from "./admin/index.ts";
export * from "./core/index.ts";
export * from "./engine/index.ts";
export * from "./games/index.ts";
export * from "./insights/index.ts";
export * from "./ledger/index.ts";
export * from "./loyalty/index.ts";
export * from "./privacy/index.ts";
export * from "./reminders/index.ts";
export * from "./rewards/index.ts";
