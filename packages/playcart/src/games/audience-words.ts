// A campaign's audience condition (JSON Logic) in plain words, for the public odds page.
// Covers the shapes the admin builds; anything else returns null and the page says so.

type Logic = unknown;
export type AudienceWordsOptions = { tierLabel?: (name: string) => string; money?: (minor: number) => string };

const varName = (v: Logic): string | null => {
  if (!v || typeof v !== "object" || !("var" in v)) return null;
  const name = (v as { var: unknown }).var;
  const first = Array.isArray(name) ? name[0] : name;
  return typeof first === "string" ? first : null;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function clause(op: string, name: string, value: unknown, o: AudienceWordsOptions): string | null {
  const tier = (t: unknown) => (o.tierLabel ? o.tierLabel(String(t)) : String(t));
  const at = (strict: string, loose: string) => (op === ">" ? strict : op === ">=" ? loose : null);
  switch (name) {
    case "customer.firstPurchase":
      if (op !== "==" && op !== "===") return null;
      return value === true ? "shoppers placing their first order" : "shoppers who have ordered before";
    case "customer.signedIn":
      return op === "==" || op === "===" ? (value ? "signed-in shoppers" : "guests") : null;
    case "customer.paidOrders":
      if (typeof value !== "number") return null;
      return at(
        `shoppers with more than ${plural(value, "paid order", "paid orders")}`,
        `shoppers with at least ${plural(value, "paid order", "paid orders")}`,
      );
    case "customer.tier":
      if (op === "in" && Array.isArray(value)) return `${value.map(tier).join(" or ")} members`;
      return op === "==" || op === "===" ? `${tier(value)} members` : null;
    case "customer.segment":
      return op === "==" || op === "===" ? `shoppers in the “${String(value).replace(/_/g, " ")}” segment` : null;
    case "customer.segments":
      return op === "includes" ? `shoppers in the “${String(value).replace(/_/g, " ")}” segment` : null;
    case "cart.categories":
      return op === "includes" ? `carts with ${String(value)}` : null;
    case "cart.valueMinor":
      if (typeof value !== "number" || !o.money) return null;
      return at(`carts over ${o.money(value)}`, `carts of ${o.money(value)} or more`);
    default:
      return null;
  }
}

function words(logic: Logic, o: AudienceWordsOptions): string | null {
  if (logic === true || logic === null || logic === undefined) return "everyone";
  if (!logic || typeof logic !== "object" || Array.isArray(logic)) return null;
  const entries = Object.entries(logic);
  if (entries.length !== 1) return null;
  const [op, args] = entries[0];
  if ((op === "and" || op === "or") && Array.isArray(args)) {
    const parts = args.map((a) => words(a, o));
    return parts.every(Boolean) ? parts.join(op === "and" ? " and " : " or ") : null;
  }
  if (!Array.isArray(args) || args.length !== 2) return null;
  // `in` reads either way round: a tier among a list, {"in": [{"var": "customer.tier"}, ["gold", ...]]},
  // or a value a list includes, {"in": ["high_value", {"var": "customer.segments"}]}.
  const listed = op === "in" ? varName(args[1]) : null;
  if (listed) return clause("includes", listed, args[0], o);
  const name = varName(args[0]);
  return name ? clause(op, name, args[1], o) : null;
}

/** "Shoppers with at least 1 paid order", or null when the condition is beyond these words. */
export function describeAudience(condition: Logic, options: AudienceWordsOptions = {}): string | null {
  const text = words(condition, options);
  return text && text[0].toUpperCase() + text.slice(1);
}
