// Store-wide loyalty settings, kept as one row per key so each can change on its own.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "./db";
import { engageSettings } from "./schema";

export const settingsSchema = z.object({
  // Points per whole unit of currency paid (1 = one point per dollar).
  earnRate: z.number().positive().max(100),
});
export type EngageSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: EngageSettings = { earnRate: 1 };

export async function getSettings(db: EngageDb): Promise<EngageSettings> {
  const rows = await db.select().from(engageSettings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...stored });
}

export async function saveSettings(
  db: EngageDb,
  values: Partial<EngageSettings>,
  opts: { onlyIfMissing?: boolean } = {},
): Promise<void> {
  const parsed = settingsSchema.partial().parse(values);
  const rows = Object.entries(parsed).map(([key, value]) => ({ key, value, updatedAt: new Date() }));
  if (rows.length === 0) return;
  const insert = db.insert(engageSettings).values(rows);
  if (opts.onlyIfMissing) await insert.onConflictDoNothing();
  else
    await insert.onConflictDoUpdate({
      target: engageSettings.key,
      set: { value: sql`excluded.value`, updatedAt: new Date() },
    });
}
