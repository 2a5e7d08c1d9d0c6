"use client";

// A rule of the engine: when (trigger), for whom (a condition built like a campaign's
// audience), what happens (outcomes) and whether it is live.
import { useRouter } from "next/navigation.js";
import { useActionState, useEffect, useState } from "react";
import { idle } from "../action-state.ts";
import type { ConditionOptions } from "../condition-fields.ts";
import { useAdminAction, useAdminHref } from "./admin-actions.tsx";
import { AudienceBuilder } from "./audience-builder.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { outcomesFromRows, RuleOutcomesEditor, rowsFromOutcomes } from "./rule-outcomes-editor.tsx";
import { SubmitButton } from "./submit-button.tsx";

export type RuleEditorProps = {
  rule: {
    id?: string;
    slug: string;
    name: string;
    trigger: string;
    status: string;
    campaignId: string | null;
    position: number;
    condition: unknown;
    outcomes: unknown;
  };
  triggers: readonly string[];
  statuses: readonly string[];
  tiers: { name: string; label: string }[];
  segments: string[];
  cards: { slug: string; name: string }[];
  badges: { slug: string; name: string }[];
  campaigns: { id: string; name: string }[];
  /** The condition builder's choices: tiers, segments, the store's categories and products, its currency. */
  conditions: ConditionOptions;
};

export function RuleEditor(props: RuleEditorProps) {
  const { rule } = props;
  const [state, action] = useActionState(useAdminAction("saveRule"), idle);
  const router = useRouter();
  const href = useAdminHref();
  const [condition, setCondition] = useState<unknown>(rule.condition);
  const [rows, setRows] = useState(() => rowsFromOutcomes(rule.outcomes));
  const [basics, setBasics] = useState({
    name: rule.name,
    slug: rule.slug,
    trigger: rule.trigger,
    status: rule.status,
    campaignId: rule.campaignId ?? "",
    position: String(rule.position),
  });
  const e = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "ok" && state.id && !rule.id) router.push(href(`settings/rules/${state.id}`));
  }, [state, rule.id, router, href]);
  const basic = (key: keyof typeof basics) => ({
    name: key,
    value: basics[key],
    onChange: (ev: { target: { value: string } }) => setBasics({ ...basics, [key]: ev.target.value }),
    className: inputClass,
  });
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      {rule.id && <input type="hidden" name="id" value={rule.id} />}
      <input type="hidden" name="condition" value={JSON.stringify(condition ?? true)} />
      <input type="hidden" name="outcomes" value={JSON.stringify(outcomesFromRows(rows))} />
      <div className="playcart-admin-grid">
        <Field label="Name" error={e.name}>
          {(a) => <input {...a} {...basic("name")} />}
        </Field>
        <Field label="Key" error={e.slug} hint="Lower-case letters, digits and -">
          {(a) => <input {...a} {...basic("slug")} />}
        </Field>
        <Field label="Trigger (event)" error={e.trigger}>
          {(a) => (
            <select {...a} {...basic("trigger")}>
              {props.triggers.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" error={e.status}>
          {(a) => (
            <select {...a} {...basic("status")}>
              {props.statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Campaign (for plays and games)" error={e.campaignId}>
          {(a) => (
            <select {...a} {...basic("campaignId")}>
              <option value="">None</option>
              {props.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Order among rules on this trigger" error={e.position}>
          {(a) => <input {...a} inputMode="numeric" {...basic("position")} />}
        </Field>
      </div>
      <section aria-labelledby="condition-h" className="playcart-admin-stack-sm">
        <h2 id="condition-h" className="playcart-admin-heading">
          Condition
        </h2>
        <AudienceBuilder
          value={rule.condition}
          onChange={setCondition}
          options={props.conditions}
          scope="rule"
          intro="When the rule applies to an event. No conditions: every event of this type."
          error={e.condition ?? e.form}
        />
      </section>
      <RuleOutcomesEditor rows={rows} onChange={setRows} errors={e} options={props} />
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save rule</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
