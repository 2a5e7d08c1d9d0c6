import { RULE_STATUSES } from "../../core/schema.ts";
import { allRules } from "../../index.ts";
import { RuleStatusForm } from "../components/rule-status-form.tsx";
import type { AdminPageProps } from "./page-props.ts";

export async function RulesPage({ ctx }: AdminPageProps) {
  const rules = await allRules(ctx.db);
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings")} className="playcart-admin-link">
          Settings
        </a>
      </p>
      <div className="playcart-admin-row playcart-admin-between">
        <h1 className="playcart-admin-title">Rules</h1>
        <a href={ctx.href("settings/rules/new")} className="playcart-admin-button">
          New rule
        </a>
      </div>
      <p className="playcart-admin-small playcart-admin-muted">
        Each live rule runs on every event of its trigger: if its condition holds, its outcomes happen once. Referral
        rewards are rules on referral.converted.
      </p>
      <div className="playcart-admin-scroll">
        <table className="playcart-admin-full playcart-admin-wide playcart-admin-small">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Trigger</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className="">
                <td className="">
                  <a href={ctx.href(`settings/rules/${r.id}`)} className="playcart-admin-link">
                    {r.name}
                  </a>
                </td>
                <td className="playcart-admin-mono playcart-admin-tiny">{r.trigger}</td>
                <td className="">
                  <RuleStatusForm id={r.id} status={r.status} name={r.name} statuses={RULE_STATUSES} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
