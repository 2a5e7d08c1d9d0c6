// Settings changed from the admin: validated, saved and audited in one transaction.

import type { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { type EngageSettings, getSettings, saveSettings, settingsSchema } from "../core/settings.ts";
import { recordRulesVersionsForAll } from "../games/index.ts";
import { recordAudit } from "./audit.ts";

type SettingsInput = Partial<z.input<typeof settingsSchema>>;

/**
 * Saves settings. A tier given without its multipliers keeps the ones it had under the same
 * name (a new tier gets 1x), so editing thresholds never resets earn or play multipliers.
 */
export async function updateSettings(
  db: EngageDb,
  actor: string,
  values: SettingsInput,
  now: Date = new Date(),
): Promise<EngageSettings> {
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const tiers = values.tiers?.map((t) => {
      const old = before.tiers.find((b) => b.name === t.name);
      return { earnMultiplier: old?.earnMultiplier, playMultiplier: old?.playMultiplier, ...t };
    });
    const given = settingsSchema.partial().parse(tiers ? { ...values, tiers } : values);
    // Only the keys the owner gave: zod 4 fills a partial object's defaults in, which would
    // reset every other setting to its default.
    const parsed = Object.fromEntries(Object.entries(given).filter(([key]) => key in values)) as typeof given;
    await saveSettings(tx, parsed);
    const after = await getSettings(tx);
    // The sponsor, eligibility, wording and tiers are written into every campaign's rules.
    await recordRulesVersionsForAll(tx, now);
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      entity: "settings",
      entityId: Object.keys(parsed).join(","),
      before,
      after,
    });
    return after;
  });
}
