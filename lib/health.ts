// The health check behind every health probe: GET /api/health (an App Router route handler;
// its POST reads a small JSON body first, the floor of a POST route such as a play),
// GET /api/health/pages (a Pages API route) and the server action at /health/action. One
// trivial query through the app's own database handle, so a probe answers only while the
// database does; and, the same work under each router, the benchmarks' floor for a request
// of that router type (a play, a webhook, a server action).
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export type Health = { ok: true; database: "up" } | { ok: false; database: "down" };

export async function checkHealth(): Promise<Health> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { ok: true, database: "up" };
  } catch (err) {
    console.error("[playcart] health check failed", err);
    return { ok: false, database: "down" };
  }
}
