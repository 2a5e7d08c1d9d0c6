// A stored condition (JSON Logic, amounts in minor units) and the builder's query (amounts as
// the owner types them, "25.00") into each other. Conditions saved before amounts were typed
// in units need no migration: they are stored in minor units as ever and converted on read.
import type { Field, RuleGroupType, RuleType } from "react-querybuilder";
import { formatQuery } from "react-querybuilder/formatQuery";
import { parseJsonLogic } from "react-querybuilder/parseJsonLogic";
import { isMoneyField } from "./condition-fields.ts";
import { toMinor, toUnits } from "./format.ts";

export const EMPTY_QUERY: RuleGroupType = { combinator: "and", rules: [] };

type Item = RuleGroupType["rules"][number];

function mapMoney(group: RuleGroupType, convert: (value: unknown) => unknown): RuleGroupType {
  const each = (item: Item): Item => {
    if (typeof item === "string") return item;
    if ("rules" in item) return mapMoney(item, convert);
    const rule = item as RuleType;
    return isMoneyField(rule.field) ? { ...rule, value: convert(rule.value) } : rule;
  };
  return { ...group, rules: group.rules.map(each) };
}

/** "25.00" for 2500 cents; anything that is not whole minor units is shown as stored. */
const minorToTyped = (currency: string) => (value: unknown) =>
  typeof value === "number" && Number.isInteger(value) ? toUnits(value, currency) : value;

/** 2500 for "25.00"; a value that is no amount stays as typed, so the server refuses it by name. */
const typedToMinor = (currency: string) => (value: unknown) => {
  const minor = toMinor(String(value ?? ""), currency);
  return minor === null || Number.isNaN(minor) ? value : minor;
};

/** The error to show beside an amount the owner typed, or null when it is one. */
export function amountError(typed: unknown, currency: string): string | null {
  const minor = toMinor(String(typed ?? ""), currency);
  if (minor === null || Number.isNaN(minor)) return `Type an amount such as ${toUnits(2500, currency)}`;
  return minor < 0 ? "An amount cannot be negative" : null;
}

export function queryFromStored(stored: unknown, currency: string): RuleGroupType {
  if (stored === true || stored == null) return EMPTY_QUERY;
  const parsed = parseJsonLogic(stored as never) ?? EMPTY_QUERY;
  return mapMoney(parsed, minorToTyped(currency));
}

/** JSON Logic for a query, amounts in minor units; `true` (everyone) when it has no rules. */
export function storedFromQuery(query: RuleGroupType, fields: Field[], currency: string): unknown {
  const logic = formatQuery(mapMoney(query, typedToMinor(currency)), {
    format: "jsonlogic",
    parseNumbers: true,
    fields,
  });
  return logic === false ? true : logic;
}
