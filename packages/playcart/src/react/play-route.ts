// The browser's side of the play endpoint: the same request and outcome as a play server
// action, as plain JSON. Cheaper per play on `next start` (no action machinery and no gzip of
// a tiny body), which is what keeps a busy checkout's plays fast.
import type { PlayOutcome, PlayRequest } from "../client.ts";
import type { PlayFn } from "./game-types.ts";

/** Where Playcart's route handlers serve plays unless the host mounts them elsewhere. */
export const DEFAULT_PLAY_ENDPOINT = "/api/playcart/play";

export function playViaRoute(endpoint: string = DEFAULT_PLAY_ENDPOINT): PlayFn {
  return async (req: PlayRequest): Promise<PlayOutcome> => {
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ campaignId: req.campaignId, requestId: req.requestId, token: req.token }),
        credentials: "same-origin",
      });
      return (await res.json()) as PlayOutcome;
    } catch {
      return { status: "error", code: "error", message: "The game could not be played. Please try again." };
    }
  };
}
