// Settings changed from the admin: validated, saved and audited in one transaction.
import type { EngageDb } from "./db";
import { recordAudit } from "./audit";
import { getSettings, saveSettings, settingsSchema, type EngageSettings } from "./settings";

export async function updateSettings(db: EngageDb, actor: string, values: Partial<EngageSettings>): Promise<EngageSettings> {
  const parsed = settingsSchema.partial().parse(values);
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    await saveSettings(tx, parsed);
    const after = await getSettings(tx);
    await recordAudit(tx, { actor, action: "settings.update", entity: "settings", entityId: Object.keys(parsed).join(","), before, after });
    return after;
  });
}
