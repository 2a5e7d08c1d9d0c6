import { RuleEditor } from "../components/rule-editor.tsx";
import { conditionOptions } from "../condition-options.ts";
import { ruleEditorOptions } from "../editor-options.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function NewRulePage({ ctx }: AdminPageProps) {
  const db = ctx.db;
  const blank = {
    slug: "",
    name: "",
    trigger: "order.paid",
    status: "draft",
    campaignId: null,
    position: 0,
    condition: true,
    outcomes: [{ type: "grant_points", points: 10 }],
  };
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings/rules")} className="playcart-admin-link">
          Rules
        </a>
      </p>
      <h1 className="playcart-admin-title">New rule</h1>
      <RuleEditor rule={blank} {...(await ruleEditorOptions(db))} conditions={await conditionOptions(ctx)} />
    </div>
  );
}
