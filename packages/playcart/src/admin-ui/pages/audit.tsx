import { auditTrail } from "../../index.ts";
import { auditSubjects } from "../audit-subjects.ts";
import { auditChanges, auditCurrency, auditVerb } from "../audit-words.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function AuditPage({ ctx }: AdminPageProps) {
  const rows = await auditTrail(ctx.db, { limit: 200 });
  const subjects = await auditSubjects(ctx, rows);
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: ctx.timeZone });
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Audit trail</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        Every change made in the admin: who, when, and what changed. Entries cannot be edited or deleted. Times are in
        the store's time zone ({ctx.timeZone}).
      </p>
      <ol className="playcart-admin-stack-sm">
        {rows.map((a) => {
          const subject = subjects.get(`${a.entity}:${a.entityId ?? ""}`);
          const changes = auditChanges(a.before, a.after, {
            currency: auditCurrency(a.before, a.after),
            timeZone: ctx.timeZone,
            storeCurrency: ctx.currency,
          });
          return (
            <li key={a.id} className="playcart-admin-card playcart-admin-small" data-testid="audit-entry">
              <p>
                <strong>{a.actor}</strong> {auditVerb(a.action)}{" "}
                {subject?.href ? (
                  <a href={subject.href} className="playcart-admin-link">
                    {subject.name}
                  </a>
                ) : (
                  (subject?.name ?? "")
                )}
              </p>
              <p className="playcart-admin-muted">
                <time dateTime={a.at.toISOString()}>{when.format(a.at).replace(",", "")}</time>
              </p>
              {changes.length > 0 && (
                <ul className="playcart-admin-stack-sm" aria-label="Changes">
                  {changes.map((c) => (
                    <li key={c.field} className="playcart-admin-break">
                      <span className="playcart-admin-strong">{c.field}:</span> {c.before} → {c.after}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
        {rows.length === 0 && <li className="playcart-admin-small playcart-admin-muted">No changes yet.</li>}
      </ol>
    </div>
  );
}
