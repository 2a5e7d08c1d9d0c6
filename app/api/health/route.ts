import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// A POST's body is small and declared: the request never grows past this.
const MAX_BODY_BYTES = 2_048;

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}

/**
 * The same check after reading a small JSON body, whatever it holds: the floor `npm run
 * bench:play` weighs the play route against, a POST with a JSON body as a play is. Next reads
 * a POST's body through a web stream, work a GET never does, and none of it Playcart's.
 */
export async function POST(req: Request) {
  const declared = req.headers.get("content-length");
  if (declared === null)
    return NextResponse.json({ error: "A health POST declares its body's length." }, { status: 411 });
  if (Number(declared) > MAX_BODY_BYTES) return NextResponse.json({ error: "The body is too large." }, { status: 413 });
  try {
    await req.json();
  } catch {
    return NextResponse.json({ error: "The body is not JSON." }, { status: 400 });
  }
  return GET();
}
