// What the campaign editor needs from the store: tiers, currency, time zone and now.
import "server-only";
import { getSettings } from "playcart";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";

export async function editorContext(db: Db) {
  const settings = await getSettings(db);
  return {
    tiers: settings.tiers.map((t) => ({ name: t.name, label: t.label })),
    currency: env().STORE_CURRENCY,
    timeZone: env().STORE_TIMEZONE,
    now: (await storeNow()).toISOString(),
  };
}
