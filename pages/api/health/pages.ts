// GET /api/health/pages: the health check (lib/health.ts) as a Pages API route, the router the
// Stripe webhook is mounted on; the App Router's is GET /api/health.
import type { NextApiRequest, NextApiResponse } from "next";
import { checkHealth } from "@/lib/health";

export default async function health(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    res.statusCode = 405;
    return res.end();
  }
  const body = await checkHealth();
  res.statusCode = body.ok ? 200 : 503;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}
