import { notFound } from "next/navigation.js";
import { ruleById } from "../../index.ts";
import { RuleEditor } from "../components/rule-editor.tsx";
import { conditionOptions } from "../condition-options.ts";
import { ruleEditorOptions } from "../editor-options.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function RulePage({ ctx, id }: AdminPageProps) {
  const db = ctx.db;
  const rule = await ruleById(db, id);
  if (!rule) notFound();
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings/rules")} className="playcart-admin-link">
          Rules
        </a>
      </p>
      <h1 className="playcart-admin-title">{rule.name}</h1>
      <RuleEditor rule={rule} {...(await ruleEditorOptions(db))} conditions={await conditionOptions(ctx)} />
    </div>
  );
}
