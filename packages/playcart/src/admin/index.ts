// The store owner's actions: campaigns, catalog, badges, rules, reminders, customers and
// settings, each recorded in the audit log.

export * from "./audit.ts";
export * from "./badge-admin.ts";
export * from "./campaign-admin.ts";
export * from "./campaign-template-admin.ts";
export * from "./catalog-admin.ts";
export * from "./customer-admin.ts";
export * from "./customer-loyalty-admin.ts";
export * from "./reminder-admin.ts";
export * from "./reminder-words-admin.ts";
export * from "./rule-admin.ts";
export * from "./settings-admin.ts";
export * from "./setup-checklist.ts";
