// Playcart's server core: what a host store calls. Everything takes the host's Drizzle
// handle (a database or a transaction) as its first argument. The tables are exported by
// playcart/schema, the browser-safe pieces by playcart/client.

export * from "./admin";
export * from "./core";
export * from "./engine";
export * from "./games";
export * from "./insights";
export * from "./ledger";
export * from "./loyalty";
export * from "./reminders";
export * from "./rewards";
