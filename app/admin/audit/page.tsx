import type { Metadata } from "next";
import { auditTrail } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";

export const metadata: Metadata = { title: "Audit trail" };

const json = (v: unknown) => (v === null || v === undefined ? "–" : JSON.stringify(v, null, 1));

export default async function AuditPage() {
  if (!(await adminViewerOrRedirect("/admin/audit"))) return <Forbidden />;
  const rows = await auditTrail(await getDb(), { limit: 200 });
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">Audit trail</h1>
      <p className="text-sm text-stone-600">
        Every change made in the admin: who, when, and what it was before and after. Entries cannot be edited or
        deleted.
      </p>
      <ol className="space-y-3">
        {rows.map((a) => (
          <li key={a.id} className="rounded-xl border border-stone-200 bg-white p-3 text-sm">
            <p>
              <strong>{a.action}</strong> on {a.entity}{" "}
              {a.entityId ? <span className="font-mono text-xs">{a.entityId}</span> : null}
            </p>
            <p className="text-stone-600">
              {a.at.toISOString()} by {a.actor}
            </p>
            <details className="mt-1">
              <summary className="cursor-pointer">Before and after</summary>
              <div className="grid gap-2 sm:grid-cols-2">
                <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs">
                  {json(a.before)}
                </pre>
                <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs">
                  {json(a.after)}
                </pre>
              </div>
            </details>
          </li>
        ))}
        {rows.length === 0 && <li className="text-sm text-stone-600">No changes yet.</li>}
      </ol>
    </div>
  );
}
