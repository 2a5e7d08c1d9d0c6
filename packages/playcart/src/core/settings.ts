// Store-wide loyalty settings, kept as one row per key so each can change on its own.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_INCENTIVE_NOTICE } from "../privacy/notice-words.ts";
import { DEFAULT_QUIET_HOURS, quietHoursSchema } from "../reminders/reminder-schedule.ts";
import { reminderWordsSchema } from "../reminders/reminder-words.ts";
import type { EngageDb } from "./db.ts";
import { engageSettings } from "./schema.ts";
import { DEFAULT_STORE_TERMS, storeTermsSchema } from "./store-terms.ts";

const tierSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  // Net spend (paid minus refunded) over the trailing window that reaches this tier.
  minSpendMinor: z.number().int().min(0),
  // Multiplies the points an order earns (the extra is a separate "tier bonus" entry).
  earnMultiplier: z.number().min(1).max(10).default(1),
  // Multiplies a campaign's default plays where the campaign sets no number for this tier.
  playMultiplier: z.number().min(1).max(10).default(1),
});

export const settingsSchema = z.object({
  // Points per whole unit of currency paid (1 = one point per dollar).
  earnRate: z.number().positive().max(100),
  tiers: z
    .array(tierSchema)
    .min(1)
    .refine((t) => t[0].minSpendMinor === 0, "The first tier must start at 0")
    .refine(
      (t) => t.every((tier, i) => i === 0 || tier.minSpendMinor > t[i - 1].minSpendMinor),
      "Tier thresholds must increase",
    ),
  tierWindowDays: z.number().int().min(1).max(3650),
  // Category affinity: an order's weight halves every this many days.
  affinityHalfLifeDays: z.number().int().min(1).max(3650).default(90),
  segments: z
    .object({
      newDays: z.number().int().min(1).max(3650),
      activeDays: z.number().int().min(1).max(3650),
      highValueMinor: z.number().int().min(0),
      // Share of paid orders that used a reward, from which a shopper is "discount-driven".
      discountShare: z.number().min(0).max(1),
    })
    .default({ newDays: 30, activeDays: 90, highValueMinor: 30_000, discountShare: 0.5 }),
  // Store wall-clock hours in which no reminder is sent (due ones wait for the end).
  quietHours: quietHoursSchema.default(DEFAULT_QUIET_HOURS),
  // The reminder email's words as the owner wrote them; null: the built-in words per step.
  reminderWords: reminderWordsSchema.nullable().default(null),
  // The short notice of financial incentive shown where a shopper joins (privacy/notice-words.ts).
  incentiveNotice: z
    .string()
    .trim()
    .min(20, "Write the notice in 20 characters or more")
    .max(600, "Keep the notice under 600 characters")
    .default(DEFAULT_INCENTIVE_NOTICE),
  // Sponsor, eligibility and market wording for every campaign's official rules.
  storeTerms: storeTermsSchema.default(DEFAULT_STORE_TERMS),
  // Points in lots (ledger/point-lots.ts). Days a lot lasts from when it was earned; 0: never.
  pointsExpiryDays: z.number().int().min(0).max(3650).default(0),
  // Days an order's points stay pending (the return window); 0: available at once.
  returnWindowDays: z.number().int().min(0).max(365).default(14),
  // What one point is worth in minor units (1: a cent per point). Fixed per lot when earned,
  // so a change applies to new points only.
  pointValueMinor: z.number().min(0).max(10_000).default(1),
  // Days before a lot expires that the shopper is told (email and rewards panel).
  expiryReminderDays: z.number().int().min(1).max(365).default(14),
});
export type Tier = z.infer<typeof tierSchema>;
export type EngageSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: EngageSettings = {
  earnRate: 1,
  tiers: [
    { name: "green", label: "Green", minSpendMinor: 0 },
    { name: "gold", label: "Gold", minSpendMinor: 20_000, earnMultiplier: 1.25, playMultiplier: 2 },
    { name: "platinum", label: "Platinum", minSpendMinor: 50_000, earnMultiplier: 1.5, playMultiplier: 3 },
  ].map((t) => ({ earnMultiplier: 1, playMultiplier: 1, ...t })),
  tierWindowDays: 365,
  affinityHalfLifeDays: 90,
  segments: { newDays: 30, activeDays: 90, highValueMinor: 30_000, discountShare: 0.5 },
  quietHours: DEFAULT_QUIET_HOURS,
  reminderWords: null,
  incentiveNotice: DEFAULT_INCENTIVE_NOTICE,
  storeTerms: DEFAULT_STORE_TERMS,
  pointsExpiryDays: 0,
  returnWindowDays: 14,
  pointValueMinor: 1,
  expiryReminderDays: 14,
};

export async function getSettings(db: EngageDb): Promise<EngageSettings> {
  const rows = await db.select().from(engageSettings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...stored });
}

export async function saveSettings(
  db: EngageDb,
  // Input form: defaults (such as a tier's multipliers) are filled in by the schema.
  values: Partial<z.input<typeof settingsSchema>>,
  opts: { onlyIfMissing?: boolean } = {},
): Promise<void> {
  const parsed = settingsSchema.partial().parse(values);
  // null is "not set" (reminderWords): no row, so the built-in default applies. Only the keys
  // given: zod 4 fills a partial object's defaults in, which would reset every other setting.
  const rows = Object.entries(parsed)
    .filter(([key, value]) => key in values && value !== null && value !== undefined)
    .map(([key, value]) => ({ key, value, updatedAt: new Date() }));
  if (rows.length === 0) return;
  const insert = db.insert(engageSettings).values(rows);
  if (opts.onlyIfMissing) await insert.onConflictDoNothing();
  else
    await insert.onConflictDoUpdate({
      target: engageSettings.key,
      set: { value: sql`excluded.value`, updatedAt: new Date() },
    });
}
