// Official rules: each campaign's rules as published, one immutable version per change, and
// the free entries (no purchase) its free method of entry has taken.
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns, plays } from "./schema.ts";

// Never updated: a change of the campaign's rules adds the next version. A play was played
// under the version with the latest valid_from at or before its created_at, so the play path
// writes nothing for it.
export const rulesVersions = pgTable(
  "playcart_rules_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    // The inputs the rules are written from (games/official-rules.ts RulesSnapshot).
    snapshot: jsonb("snapshot").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("playcart_rules_versions_uq").on(t.campaignId, t.version),
    index("playcart_rules_versions_valid_idx").on(t.campaignId, t.validFrom),
  ],
);

// One free entry per person (email key) per campaign window: the primary key is the limit.
export const freeEntries = pgTable(
  "playcart_free_entries",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    personKey: text("person_key").notNull(),
    windowKey: text("window_key").notNull(),
    playId: uuid("play_id").references(() => plays.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.personKey, t.windowKey] })],
);

export type RulesVersion = typeof rulesVersions.$inferSelect;
