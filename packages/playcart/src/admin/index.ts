// The store owner's actions: campaigns, catalog, badges, rules, reminders, customers and
// settings, each recorded in the audit log.

export * from "./audit";
export * from "./badge-admin";
export * from "./campaign-admin";
export * from "./catalog-admin";
export * from "./customer-admin";
export * from "./customer-loyalty-admin";
export * from "./reminder-admin";
export * from "./rule-admin";
export * from "./settings-admin";
