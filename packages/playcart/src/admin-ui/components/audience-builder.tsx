"use client";

// The visual condition builder: react-querybuilder over the play context's fields, read from
// and written as JSON Logic (the format campaigns.audience stores and the engine evaluates).
import { useMemo, useState } from "react";
import {
  type Field,
  QueryBuilder,
  type RuleGroupType,
  toOptions,
  ValueEditor,
  type ValueEditorProps,
  type ValueSelectorProps,
} from "react-querybuilder";
import { formatQuery } from "react-querybuilder/formatQuery";
import { parseJsonLogic } from "react-querybuilder/parseJsonLogic";
import "react-querybuilder/dist/query-builder.css";

const numberOps = ["=", "!=", "<", "<=", ">", ">="].map((name) => ({ name, label: name }));
const boolOps = [{ name: "=", label: "is" }];

export function audienceFields(tiers: { name: string; label: string }[]): Field[] {
  const yesNo = { valueEditorType: "checkbox" as const, operators: boolOps, defaultValue: true };
  const number = { inputType: "number", operators: numberOps, defaultValue: 0 };
  return [
    { name: "customer.firstPurchase", label: "First order", ...yesNo },
    { name: "customer.signedIn", label: "Signed in", ...yesNo },
    { name: "customer.paidOrders", label: "Paid orders", ...number },
    {
      name: "customer.tier",
      label: "Tier",
      valueEditorType: "select",
      values: tiers.map((t) => ({ name: t.name, label: t.label })),
      operators: [
        { name: "=", label: "is" },
        { name: "!=", label: "is not" },
      ],
      defaultValue: tiers[0]?.name,
    },
    { name: "customer.trailingSpendMinor", label: "Spend in tier window (cents)", ...number },
    { name: "customer.lifetimeSpendMinor", label: "Lifetime spend (cents)", ...number },
    { name: "cart.valueMinor", label: "Cart value (cents)", ...number },
    { name: "cart.itemCount", label: "Items in cart", ...number },
    { name: "store.weekday", label: "Store weekday (1 = Monday)", ...number },
    { name: "store.hour", label: "Store hour (0-23)", ...number },
  ];
}

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

function LabelledValueEditor(props: ValueEditorProps) {
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

const EMPTY: RuleGroupType = { combinator: "and", rules: [] };

/** JSON Logic for a query; `true` (everyone) when it has no rules. */
export function toAudience(query: RuleGroupType, fields: Field[]): unknown {
  const logic = formatQuery(query, { format: "jsonlogic", parseNumbers: true, fields });
  return logic === false ? true : logic;
}

type BuilderProps = {
  value: unknown;
  onChange: (audience: unknown) => void;
  tiers: { name: string; label: string }[];
  error?: string;
  /** Other fields than a campaign audience's (the rules engine's context, for example). */
  fields?: Field[];
  intro?: string;
};

export function AudienceBuilder({
  value,
  onChange,
  tiers,
  error,
  fields: given,
  intro = "Who is offered the game. No rules: everyone.",
}: BuilderProps) {
  const fields = useMemo(() => given ?? audienceFields(tiers), [given, tiers]);
  const [query, setQuery] = useState<RuleGroupType>(() =>
    value === true || value == null ? EMPTY : (parseJsonLogic(value as never) ?? EMPTY),
  );
  // A stored condition the builder cannot show exactly is kept as stored until it is edited here.
  const [shownExactly] = useState(
    () => value === true || value == null || JSON.stringify(toAudience(query, fields)) === JSON.stringify(value),
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
            onChange(toAudience(q, fields));
          }}
          controlClassnames={{ queryBuilder: "queryBuilder-branches" }}
          controlElements={controls}
          translations={{
            addRule: { label: "Add rule", title: "Add rule" },
            addGroup: { label: "Add group", title: "Add group" },
          }}
        />
      </div>
      <details className="playcart-admin-tiny playcart-admin-muted">
        <summary className="">Stored condition (JSON Logic)</summary>
        <pre className="playcart-admin-code playcart-admin-pre playcart-admin-break">
          {JSON.stringify(toAudience(query, fields))}
        </pre>
      </details>
      {error && <p className="playcart-admin-small playcart-admin-error">{error}</p>}
    </div>
  );
}
