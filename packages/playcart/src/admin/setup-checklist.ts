// A new store's first-run checklist: each item ticks itself from real state. The host knows
// its own configuration (where the time zone, currency and email sender come from, and
// whether they were set or left at a default); Playcart knows whether an owner has published
// a campaign (the audit trail records every publish).
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { auditLog } from "../core/schema.ts";

/** One setting of the host's: its value, whether the store set it (not a default), and how to set it. */
export type SetupSetting = { value: string; set: boolean; how: string };
export type SetupFacts = { timeZone: SetupSetting; currency: SetupSetting; emailSender: SetupSetting };

export type SetupItem = {
  key: "time-zone" | "currency" | "email-sender" | "first-campaign";
  label: string;
  /** What to do, as a link's words ("Set the time zone"). */
  action: string;
  done: boolean;
  detail: string;
  /** How to fix it, in words (null when the item links to a page of the admin that does). */
  how: string | null;
};

export async function hasPublishedCampaign(db: EngageDb): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(eq(auditLog.action, "campaign.publish"))
    .limit(1);
  return rows.length > 0;
}

export async function setupChecklist(db: EngageDb, facts: SetupFacts): Promise<SetupItem[]> {
  const setting = (
    key: "time-zone" | "currency" | "email-sender",
    label: string,
    action: string,
    s: SetupSetting,
  ): SetupItem => ({
    key,
    label,
    action,
    done: s.set,
    detail: s.set ? s.value : `${s.value} (the default)`,
    how: s.how,
  });
  const published = await hasPublishedCampaign(db);
  return [
    setting("time-zone", "Store time zone set", "Set the time zone", facts.timeZone),
    setting("currency", "Currency set", "Set the currency", facts.currency),
    setting("email-sender", "Email sender configured", "Configure the sender", facts.emailSender),
    {
      key: "first-campaign",
      label: "First campaign published",
      action: "Start a campaign from a template",
      done: published,
      detail: published ? "A campaign has been published" : "No campaign published from the admin yet",
      how: null,
    },
  ];
}
