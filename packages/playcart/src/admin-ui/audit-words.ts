// The audit trail in words: what an entry did ("published the campaign"), and its before and
// after as a list of readable changes ("Status: draft → live", "Amount refunded: $0.00 →
// $10.00") instead of raw JSON. Pure: the page looks up names and links.
import { money } from "./format.ts";

const VERBS: Record<string, string> = {
  "campaign.create": "created the campaign",
  "campaign.update": "edited the campaign",
  "campaign.publish": "published the campaign",
  "campaign.pause": "paused the campaign",
  "campaign.end": "ended the campaign",
  "points.adjust": "adjusted the points of",
  "order.refund": "refunded",
  "rule.create": "created the rule",
  "rule.update": "edited the rule",
  "rule.status": "changed the status of the rule",
  "catalog.create": "added the catalog reward",
  "catalog.update": "edited the catalog reward",
  "catalog.activate": "offered again the catalog reward",
  "catalog.deactivate": "withdrew the catalog reward",
  "badge.create": "created the badge",
  "badge.update": "edited the badge",
  "stamp_card.create": "created the stamp card",
  "stamp_card.update": "edited the stamp card",
  "reminder_sequence.update": "edited the reminder sequence",
  "settings.update": "changed the settings",
  "settings.quiet_hours": "changed the quiet hours",
};

/** "published the campaign"; an action without words of its own reads as its parts ("foo bar"). */
export function auditVerb(action: string): string {
  return VERBS[action] ?? action.replace(/[._]/g, " ");
}

export type AuditChange = { field: string; before: string; after: string };

// Bookkeeping that says nothing to an owner.
const SKIP = new Set(["id", "createdAt", "updatedAt", "position", "mode", "currency", "entryId"]);

/** "amountRefundedMinor" -> "Amount refunded"; "prizes.0.weight" -> "Prize 1: weight". */
export function fieldLabel(path: string): string {
  const parts = path.split(".");
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      words.push(`${humanize(singular(p))} ${Number(next) + 1}:`);
      i++;
    } else words.push(humanize(p));
  }
  const text = words.join(" ").replace(/:$/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const singular = (w: string) => w.replace(/ies$/, "y").replace(/s$/, "");

function humanize(key: string): string {
  return key
    .replace(/Minor$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as an owner reads it: money in the store's currency, instants in its time zone. */
export function valueWords(key: string, value: unknown, opts: { currency: string; timeZone: string }): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && /Minor$/.test(key)) return money(value, opts.currency);
  if (typeof value === "string" && ISO.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime()))
      return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: opts.timeZone })
        .format(d)
        .replace(",", "");
  }
  if (typeof value === "object") return Array.isArray(value) && value.length === 0 ? "none" : JSON.stringify(value);
  return String(value);
}

// Conditions are a tree of their own: compared and shown whole.
const WHOLE = new Set(["audience", "condition"]);

/** Leaves of a JSON value by dotted path; arrays of scalars, conditions and empty containers stay whole. */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  const container = value !== null && typeof value === "object";
  const scalarArray = Array.isArray(value) && value.every((v) => v === null || typeof v !== "object");
  const whole = WHOLE.has(prefix.split(".").at(-1) ?? "");
  if (!container || scalarArray || whole || Object.keys(value as object).length === 0) {
    if (prefix) out.set(prefix, value);
    return out;
  }
  for (const [k, v] of Object.entries(value as object)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** What changed from `before` to `after`, field by field, in words (a creation lists what was set). */
export function auditChanges(
  before: unknown,
  after: unknown,
  opts: { currency?: string | null; timeZone: string; storeCurrency: string },
): AuditChange[] {
  const currency = opts.currency ?? opts.storeCurrency;
  const a = leaves(before ?? {});
  const b = leaves(after ?? {});
  const changes: AuditChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const key = path.split(".").at(-1) ?? path;
    if (SKIP.has(key)) continue;
    const was = a.get(path);
    const now = b.get(path);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const words = (v: unknown) => valueWords(key, v, { currency, timeZone: opts.timeZone });
    changes.push({ field: fieldLabel(path), before: a.has(path) ? words(was) : "none", after: words(now) });
  }
  return changes;
}

/** The currency an entry's amounts are in, when it says (a refund names its order's). */
export function auditCurrency(before: unknown, after: unknown): string | null {
  for (const side of [after, before])
    if (side && typeof side === "object" && typeof (side as { currency?: unknown }).currency === "string")
      return (side as { currency: string }).currency;
  return null;
}
