// The one catch-all route: <basePath>/<segments...> to the route that serves it. Every route
// checks its own authorisation (same origin, bearer secret, signed token or Stripe signature).
import { json } from "./http.ts";
import { comebackRoute } from "./routes/comeback.ts";
import { cronRoute } from "./routes/cron.ts";
import { freeEntryRoute } from "./routes/free-entry.ts";
import { identifyRoute } from "./routes/identify.ts";
import { oddsRoute } from "./routes/odds.ts";
import { panelRoute } from "./routes/panel.ts";
import { playRoute } from "./routes/play.ts";
import { privacyDeleteRoute, privacyExportRoute } from "./routes/privacy.ts";
import { pushRoute } from "./routes/push.ts";
import { referralRoute } from "./routes/referral.ts";
import { sharedRoute } from "./routes/shared.ts";
import { stripeRoute } from "./routes/stripe.ts";
import { unsubscribeGet, unsubscribePost } from "./routes/unsubscribe.ts";
import type { Runtime } from "./runtime.ts";

/** The path below basePath, as segments (from the request URL, so any mount point works). */
export function segmentsOf(req: Request, basePath: string): string[] | null {
  const path = new URL(req.url).pathname;
  if (path !== basePath && !path.startsWith(`${basePath}/`)) return null;
  return path
    .slice(basePath.length)
    .split("/")
    .filter((s) => s.length > 0);
}

const notFound = () => json({ error: "not found" }, 404);
const methodNotAllowed = (allow: string) => json({ error: "method not allowed" }, 405, { allow });

export async function route(rt: Runtime, req: Request): Promise<Response> {
  const segments = segmentsOf(req, rt.cfg.basePath);
  if (!segments || segments.length === 0) return notFound();
  const [head, arg, ...rest] = segments;
  const method = req.method.toUpperCase();
  switch (head) {
    case "play":
      if (arg !== undefined) return notFound();
      return method === "POST" ? playRoute(rt, req) : methodNotAllowed("POST");
    case "free-entry":
      if (arg !== undefined) return notFound();
      return method === "POST" ? freeEntryRoute(rt, req) : methodNotAllowed("POST");
    case "identify":
      if (arg !== undefined) return notFound();
      return method === "POST" ? identifyRoute(rt, req) : methodNotAllowed("POST");
    case "push":
      if (arg !== undefined) return notFound();
      return method === "POST" ? pushRoute(rt, req) : methodNotAllowed("POST");
    case "stripe":
      if (arg !== undefined) return notFound();
      return method === "POST" ? stripeRoute(rt, req) : methodNotAllowed("POST");
    // Vercel Cron calls GET; other schedulers may POST.
    case "cron":
      if (rest.length > 0) return notFound();
      return method === "GET" || method === "POST" ? cronRoute(rt, req, arg) : methodNotAllowed("GET, POST");
    case "comeback":
      if (!arg || rest.length > 0) return notFound();
      return method === "GET" ? comebackRoute(rt, req, arg) : methodNotAllowed("GET");
    case "unsubscribe":
      if (!arg || rest.length > 0) return notFound();
      if (method === "GET") return unsubscribeGet(rt, arg);
      return method === "POST" ? unsubscribePost(rt, req, arg) : methodNotAllowed("GET, POST");
    case "odds":
      if (!arg || rest.length > 0) return notFound();
      return method === "GET" ? oddsRoute(rt, arg) : methodNotAllowed("GET");
    case "panel":
      if (arg !== undefined) return notFound();
      return method === "GET" ? panelRoute(rt, req) : methodNotAllowed("GET");
    case "shared":
      if (arg !== undefined) return notFound();
      return method === "POST" ? sharedRoute(rt, req) : methodNotAllowed("POST");
    case "privacy":
      if (rest.length > 0) return notFound();
      if (arg === "export") return method === "GET" ? privacyExportRoute(rt, req) : methodNotAllowed("GET");
      if (arg === "delete") return method === "POST" ? privacyDeleteRoute(rt, req) : methodNotAllowed("POST");
      return notFound();
    case "r":
      if (!arg || rest.length > 0) return notFound();
      return method === "GET" ? referralRoute(rt, req, arg) : methodNotAllowed("GET");
    default:
      return notFound();
  }
}
