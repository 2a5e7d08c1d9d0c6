// The fields a campaign audience and a rule condition can test, named as the engine reads
// them (games/campaigns.ts playContext, engine/engine-context.ts), so the JSON Logic the
// builder writes runs unchanged. Both builders offer the same customer, cart, event and store
// fields; a rule adds the customer facts only the engine computes (birthday, affinity).
import type { Field } from "react-querybuilder";
import { MONEY_VARS } from "../client.ts";

type Choice = { ref: string; name: string };

/** What the builders offer choices from; read on the server (condition-options.ts). */
export type ConditionOptions = {
  currency: string;
  tiers: { name: string; label: string }[];
  segments: string[];
  categories: Choice[];
  products: Choice[];
};

const numberOps = ["=", "!=", "<", "<=", ">", ">="].map((name) => ({ name, label: name }));
const isOps = [
  { name: "=", label: "is" },
  { name: "!=", label: "is not" },
];
const hasOps = [
  { name: "contains", label: "includes" },
  { name: "doesNotContain", label: "does not include" },
];

export const segmentLabel = (s: string) => s.replace(/_/g, " ");

/** True for the fields whose values are amounts of money (typed in units, stored in minor units). */
export const isMoneyField = (name: string) => Object.hasOwn(MONEY_VARS, name);

// A list of choices is a select; with none known yet (a store without a catalog) it is typed.
const pick = (choices: Choice[], ops: { name: string; label: string }[]) =>
  choices.length > 0
    ? {
        valueEditorType: "select" as const,
        values: choices.map((c) => ({ name: c.ref, label: c.name })),
        operators: ops,
        defaultValue: choices[0].ref,
      }
    : { operators: ops, defaultValue: "" };

export function conditionFields(o: ConditionOptions, scope: "audience" | "rule"): Field[] {
  const yesNo = { valueEditorType: "checkbox" as const, operators: [{ name: "=", label: "is" }], defaultValue: true };
  const number = { inputType: "number", operators: numberOps, defaultValue: 0 };
  const unit = o.currency.toUpperCase();
  const money = (name: string, label: string): Field => ({
    name,
    label: `${label} (${unit})`,
    inputType: "text",
    operators: numberOps,
    defaultValue: "0",
  });
  const tiers = o.tiers.map((t) => ({ ref: t.name, name: t.label }));
  const segments = o.segments.map((s) => ({ ref: s, name: segmentLabel(s) }));
  const ruleOnly = (fields: Field[]) => (scope === "rule" ? fields : []);
  return [
    ...ruleOnly([{ name: "customer.known", label: "Known customer", ...yesNo }]),
    { name: "customer.firstPurchase", label: "First order", ...yesNo },
    { name: "customer.signedIn", label: "Signed in", ...yesNo },
    ...ruleOnly([{ name: "customer.birthdayToday", label: "Birthday today", ...yesNo }]),
    { name: "customer.paidOrders", label: "Paid orders", ...number },
    {
      name: "customer.tier",
      label: "Tier",
      ...pick(tiers, [...isOps, { name: "in", label: "is one of" }, { name: "notIn", label: "is none of" }]),
      valueEditorType: (op: string) => (op === "in" || op === "notIn" ? "multiselect" : "select"),
    },
    { name: "customer.segments", label: "Segment", ...pick(segments, hasOps) },
    ...ruleOnly([
      { name: "customer.segment", label: "Main segment", ...pick(segments, isOps) },
      { name: "customer.favouriteCategory", label: "Favourite category", ...pick(o.categories, isOps) },
    ]),
    money("customer.trailingSpendMinor", "Spend in tier window"),
    money("customer.lifetimeSpendMinor", "Lifetime spend"),
    money("cart.valueMinor", scope === "rule" ? "Cart or order value" : "Cart value"),
    { name: "cart.itemCount", label: "Items in cart", ...number },
    { name: "cart.categories", label: "Cart has category", ...pick(o.categories, hasOps) },
    money("event.valueMinor", "Event amount"),
    { name: "event.productRef", label: "Event's product", ...pick(o.products, isOps) },
    { name: "event.category", label: "Event's product category", ...pick(o.categories, isOps) },
    { name: "store.weekday", label: "Store weekday (1 = Monday)", ...number },
    { name: "store.hour", label: "Store hour (0-23)", ...number },
  ];
}
