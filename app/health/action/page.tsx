// /health/action: a health probe for server actions, outside the store's pages and linked from
// nowhere. A server action is posted to a page that holds it, so the probe needs this page;
// POSTed with its Next-Action id it runs the health check (lib/health.ts) and nothing else.
import type { Metadata } from "next";
import { healthProbeAction } from "./health-action";

export const metadata: Metadata = { title: "Health probe", robots: { index: false, follow: false } };

export default function HealthActionPage() {
  return (
    <form action={healthProbeAction}>
      <button type="submit" className="rounded border px-3 py-1">
        Check the database
      </button>
    </form>
  );
}
