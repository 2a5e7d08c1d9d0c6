"use server";

import { checkHealth } from "@/lib/health";

/** The health check as a server action: it fails (500) while the database is down. */
export async function healthProbeAction(): Promise<void> {
  const health = await checkHealth();
  if (!health.ok) throw new Error("the database is down");
}
