// GET <base>/panel: the rewards panel's data for this browser's shopper, loaded when the
// shopper opens the launcher. Private to this browser: same-site fetches only, never cached.
import { json, sameSiteFetch } from "../http.ts";
import { rewardsPanelData } from "../rewards-panel.ts";
import type { Runtime } from "../runtime.ts";

export async function panelRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!sameSiteFetch(req)) return json({ error: "forbidden" }, 403);
  const data = await rewardsPanelData(rt, { request: req });
  return json(data, 200, { "cache-control": "private, no-store, no-transform", vary: "cookie" });
}
