// Amounts in a condition are stored in minor units (cents), whatever the owner typed: the
// builder converts "25.00" to 2500. A fraction or a negative amount here means something
// else wrote the condition, so it is refused rather than compared to cents.
import { EngageError } from "../core/errors.ts";

/** The context's amounts, each with the name an owner knows it by. */
export const MONEY_VARS: Record<string, string> = {
  "customer.lifetimeSpendMinor": "Lifetime spend",
  "customer.trailingSpendMinor": "Spend in tier window",
  "cart.valueMinor": "Cart value",
  "event.valueMinor": "Event amount",
};

const moneyVar = (v: unknown): string | null => {
  if (!v || typeof v !== "object" || Array.isArray(v) || !("var" in v)) return null;
  const name = (v as { var: unknown }).var;
  return typeof name === "string" && name in MONEY_VARS ? name : null;
};

function check(node: unknown): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const n of node) check(n);
    return;
  }
  for (const args of Object.values(node)) {
    if (!Array.isArray(args)) {
      check(args);
      continue;
    }
    const name = args.map(moneyVar).find(Boolean);
    if (name) {
      for (const a of args) {
        if (moneyVar(a) || (a && typeof a === "object")) continue;
        if (typeof a !== "number" || !Number.isInteger(a) || a < 0)
          throw new EngageError("invalid:input", `${MONEY_VARS[name]}: type an amount such as 25.00`);
      }
    }
    check(args);
  }
}

/** Throws EngageError("invalid:input") naming the field when an amount is not whole minor units. */
export function assertMoneyInMinorUnits(condition: unknown): void {
  check(condition);
}
