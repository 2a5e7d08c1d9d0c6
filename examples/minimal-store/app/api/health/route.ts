import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Ready when the database answers and the store's tables exist. */
export async function GET() {
  await getDb().execute(sql`select 1 from products limit 1`);
  return Response.json({ ok: true });
}
