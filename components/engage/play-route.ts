// The browser's side of POST /api/engage/play: the same request and outcome as the play
// server action, as plain JSON. Cheaper per play on `next start` (no action machinery and no
// gzip of a tiny body), which is what keeps a busy checkout's plays fast.
import type { PlayOutcome, PlayRequest } from "playcart/client";

export const PLAY_ROUTE = "/api/engage/play";

export async function playViaRoute(req: PlayRequest): Promise<PlayOutcome> {
  try {
    const res = await fetch(PLAY_ROUTE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ campaignId: req.campaignId, requestId: req.requestId }),
      credentials: "same-origin",
    });
    return (await res.json()) as PlayOutcome;
  } catch {
    return { status: "error", code: "error", message: "The game could not be played. Please try again." };
  }
}
