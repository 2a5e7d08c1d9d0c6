// Privacy: a shopper's loyalty data exported and deleted (anonymised where the books need it),
// and the notice of financial incentive shown where a shopper joins.
export * from "./erase.ts";
export * from "./export.ts";
export * from "./export-sections.ts";
export * from "./incentive-notice.ts";
export * from "./notice-words.ts";
export * from "./shopper-records.ts";
export * from "./tombstone.ts";
