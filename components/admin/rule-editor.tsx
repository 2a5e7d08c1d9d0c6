"use client";

// A rule of the engine: when (trigger), for whom (a condition built like a campaign's
// audience), what happens (outcomes) and whether it is live.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useState } from "react";
import { saveRuleAction } from "@/app/admin/settings/rules/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { AudienceBuilder } from "./audience-builder";
import { Field, inputClass } from "./field";
import { ruleConditionFields } from "./rule-condition-fields";
import { outcomesFromRows, RuleOutcomesEditor, rowsFromOutcomes } from "./rule-outcomes-editor";

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
};

export function RuleEditor(props: RuleEditorProps) {
  const { rule } = props;
  const [state, action] = useActionState(saveRuleAction, idle);
  const router = useRouter();
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
  const fields = useMemo(
    () => ruleConditionFields({ tiers: props.tiers, segments: props.segments }),
    [props.tiers, props.segments],
  );
  const e = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "ok" && state.id && !rule.id) router.push(`/admin/settings/rules/${state.id}`);
  }, [state, rule.id, router]);
  const basic = (key: keyof typeof basics) => ({
    name: key,
    value: basics[key],
    onChange: (ev: { target: { value: string } }) => setBasics({ ...basics, [key]: ev.target.value }),
    className: inputClass,
  });
  return (
    <form action={action} noValidate className="space-y-5">
      {rule.id && <input type="hidden" name="id" value={rule.id} />}
      <input type="hidden" name="condition" value={JSON.stringify(condition ?? true)} />
      <input type="hidden" name="outcomes" value={JSON.stringify(outcomesFromRows(rows))} />
      <div className="grid gap-3 sm:grid-cols-2">
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
      <section aria-labelledby="condition-h" className="space-y-2">
        <h2 id="condition-h" className="text-lg font-semibold">
          Condition
        </h2>
        <AudienceBuilder
          value={rule.condition}
          onChange={setCondition}
          tiers={props.tiers}
          fields={fields}
          intro="When the rule applies to an event. No conditions: every event of this type."
          error={e.condition ?? e.form}
        />
      </section>
      <RuleOutcomesEditor rows={rows} onChange={setRows} errors={e} options={props} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save rule</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
