import { auditTrail } from "../../index.ts";
import type { AdminPageProps } from "./page-props.ts";

const json = (v: unknown) => (v === null || v === undefined ? "–" : JSON.stringify(v, null, 1));

export async function AuditPage({ ctx }: AdminPageProps) {
  const rows = await auditTrail(ctx.db, { limit: 200 });
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Audit trail</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        Every change made in the admin: who, when, and what it was before and after. Entries cannot be edited or
        deleted.
      </p>
      <ol className="playcart-admin-stack-sm">
        {rows.map((a) => (
          <li key={a.id} className="playcart-admin-card playcart-admin-small">
            <p>
              <strong>{a.action}</strong> on {a.entity}{" "}
              {a.entityId ? <span className="playcart-admin-mono playcart-admin-tiny">{a.entityId}</span> : null}
            </p>
            <p className="playcart-admin-muted">
              {a.at.toISOString()} by {a.actor}
            </p>
            <details className="">
              <summary className="">Before and after</summary>
              <div className="playcart-admin-grid">
                <pre className="playcart-admin-code playcart-admin-scroll playcart-admin-pre playcart-admin-break playcart-admin-tiny">
                  {json(a.before)}
                </pre>
                <pre className="playcart-admin-code playcart-admin-scroll playcart-admin-pre playcart-admin-break playcart-admin-tiny">
                  {json(a.after)}
                </pre>
              </div>
            </details>
          </li>
        ))}
        {rows.length === 0 && <li className="playcart-admin-small playcart-admin-muted">No changes yet.</li>}
      </ol>
    </div>
  );
}
