import "server-only";
import { currentViewer, type Viewer } from "@/lib/auth/guards";
import { ensureShopperSession, readShopperSession } from "./shopper-session";

/** Who is shopping: this browser's session and, if signed in, the account. Read-only. */
export async function currentShopper(): Promise<{
  sessionId: string | null;
  userId: string | null;
  viewer: Viewer | null;
}> {
  const [sessionId, viewer] = await Promise.all([readShopperSession(), currentViewer()]);
  return { sessionId, userId: viewer?.id ?? null, viewer };
}

/** The same, creating the session cookie if needed (server actions only). */
export async function currentShopperForWrite() {
  const [sessionId, viewer] = await Promise.all([ensureShopperSession(), currentViewer()]);
  return { sessionId, userId: viewer?.id ?? null, viewer };
}
