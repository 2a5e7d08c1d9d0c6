"use client";

// The visual condition builder: react-querybuilder over the play context's fields, read from
// and written as JSON Logic (the format campaigns.audience stores and the engine evaluates).
import { useId, useMemo, useState } from "react";
import {
  QueryBuilder,
  type RuleGroupType,
  toOptions,
  ValueEditor,
  type ValueEditorProps,
  type ValueSelectorProps,
} from "react-querybuilder";
import "react-querybuilder/dist/query-builder.css";
import { type ConditionOptions, conditionFields, isMoneyField } from "../condition-fields.ts";
import { amountError, queryFromStored, storedFromQuery } from "../condition-query.ts";

// The library's selects and inputs carry only a title; these give each an accessible name.
function LabelledSelector({ className, handleOnChange, options, title, value, disabled }: ValueSelectorProps) {
  return (
    <select
      aria-label={title}
      title={title}
      className={className}
      value={value as string}
      disabled={disabled}
      onChange={(e) => handleOnChange(e.target.value)}
    >
      {toOptions(options)}
    </select>
  );
}

// An amount is typed in the store's currency ("25.00"); the stored condition has minor units.
function MoneyEditor(props: ValueEditorProps) {
  const id = useId();
  const error = amountError(props.value, (props.context as { currency: string }).currency);
  return (
    <span className="playcart-admin-stack-sm">
      <label className="">
        <span className="playcart-admin-sr-only">{props.title ?? "Value"}</span>
        <input
          className={props.className}
          inputMode="decimal"
          value={String(props.value ?? "")}
          disabled={props.disabled}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => props.handleOnChange(e.target.value)}
        />
      </label>
      {error && (
        <span id={`${id}-error`} className="playcart-admin-small playcart-admin-error">
          {error}
        </span>
      )}
    </span>
  );
}

function LabelledValueEditor(props: ValueEditorProps) {
  if (isMoneyField(props.field)) return <MoneyEditor {...props} />;
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: ValueEditor renders the one input, select or checkbox this label wraps
    <label className="">
      <span className="playcart-admin-sr-only">{props.title ?? "Value"}</span>
      <ValueEditor {...props} />
    </label>
  );
}

const controls = {
  combinatorSelector: LabelledSelector,
  fieldSelector: LabelledSelector,
  operatorSelector: LabelledSelector,
  valueEditor: LabelledValueEditor,
};

type BuilderProps = {
  value: unknown;
  onChange: (audience: unknown) => void;
  options: ConditionOptions;
  /** A campaign's audience (the play context) or a rule's condition (the engine's event context). */
  scope?: "audience" | "rule";
  error?: string;
  intro?: string;
};

export function AudienceBuilder({
  value,
  onChange,
  options,
  scope = "audience",
  error,
  intro = "Who is offered the game. No rules: everyone.",
}: BuilderProps) {
  const { currency } = options;
  const fields = useMemo(() => conditionFields(options, scope), [options, scope]);
  const toAudience = (q: RuleGroupType) => storedFromQuery(q, fields, currency);
  const [query, setQuery] = useState<RuleGroupType>(() => queryFromStored(value, currency));
  // A stored condition the builder cannot show exactly is kept as stored until it is edited here.
  const [shownExactly] = useState(
    () => value === true || value == null || JSON.stringify(toAudience(query)) === JSON.stringify(value),
  );
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-small playcart-admin-muted">{intro}</p>
      {!shownExactly && (
        <p className="playcart-admin-small playcart-admin-warning">
          The stored condition uses operators this builder does not show; it is kept as stored unless you change it
          here.
        </p>
      )}
      <div className="playcart-admin-querybuilder playcart-admin-scroll playcart-admin-small">
        <QueryBuilder
          fields={fields}
          query={query}
          onQueryChange={(q) => {
            setQuery(q);
            onChange(toAudience(q));
          }}
          controlClassnames={{ queryBuilder: "queryBuilder-branches" }}
          controlElements={controls}
          context={{ currency }}
          translations={{
            addRule: { label: "Add rule", title: "Add rule" },
            addGroup: { label: "Add group", title: "Add group" },
          }}
        />
      </div>
      <details className="playcart-admin-tiny playcart-admin-muted">
        <summary className="">Stored condition (JSON Logic)</summary>
        <pre className="playcart-admin-code playcart-admin-pre playcart-admin-break">
          {JSON.stringify(toAudience(query))}
        </pre>
      </details>
      {error && <p className="playcart-admin-small playcart-admin-error">{error}</p>}
    </div>
  );
}
