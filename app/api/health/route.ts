import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ ok: true, database: "up" });
  } catch (err) {
    console.error("[playcart] health check failed", err);
    return NextResponse.json({ ok: false, database: "down" }, { status: 503 });
  }
}
