// The fields a rule's condition can test: the engine's event context (packages/playcart/src/engine/engine-context.ts),
// named as the engine reads them, so the JSON Logic the builder writes runs unchanged.
import type { Field } from "react-querybuilder";

const numberOps = ["=", "!=", "<", "<=", ">", ">="].map((name) => ({ name, label: name }));
const isOps = [
  { name: "=", label: "is" },
  { name: "!=", label: "is not" },
];

export function ruleConditionFields(opts: { tiers: { name: string; label: string }[]; segments: string[] }): Field[] {
  const yesNo = { valueEditorType: "checkbox" as const, operators: [{ name: "=", label: "is" }], defaultValue: true };
  const number = { inputType: "number", operators: numberOps, defaultValue: 0 };
  return [
    { name: "customer.known", label: "Known customer", ...yesNo },
    { name: "customer.signedIn", label: "Signed in", ...yesNo },
    { name: "customer.firstPurchase", label: "First order", ...yesNo },
    { name: "customer.birthdayToday", label: "Birthday today", ...yesNo },
    { name: "customer.paidOrders", label: "Paid orders", ...number },
    {
      name: "customer.tier",
      label: "Tier",
      valueEditorType: "select",
      values: opts.tiers.map((t) => ({ name: t.name, label: t.label })),
      operators: isOps,
      defaultValue: opts.tiers[0]?.name,
    },
    {
      name: "customer.segment",
      label: "Main segment",
      valueEditorType: "select",
      values: opts.segments.map((s) => ({ name: s, label: s.replace("_", " ") })),
      operators: isOps,
      defaultValue: opts.segments[0],
    },
    { name: "customer.favouriteCategory", label: "Favourite category", operators: isOps, defaultValue: "" },
    { name: "customer.trailingSpendMinor", label: "Spend in tier window (cents)", ...number },
    { name: "customer.lifetimeSpendMinor", label: "Lifetime spend (cents)", ...number },
    { name: "cart.valueMinor", label: "Cart or order value (cents)", ...number },
    { name: "cart.itemCount", label: "Items", ...number },
    { name: "event.valueMinor", label: "Event amount (cents)", ...number },
    { name: "store.weekday", label: "Store weekday (1 = Monday)", ...number },
    { name: "store.hour", label: "Store hour (0-23)", ...number },
  ];
}
