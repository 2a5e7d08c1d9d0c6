// Formatting shared by admin server and client components (no env access: currency is passed in).
import { currencyExponent } from "../client.ts";

export const money = (minor: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    minor / 10 ** currencyExponent(currency),
  );

export const percent = (x: number | null, digits = 1) => (x === null ? "–" : `${(x * 100).toFixed(digits)}%`);

/**
 * Minor units to the decimal a person types ("12.50"), and back: null when empty, NaN when it
 * is not a plain amount in this currency ("$5", "1e3", or more decimals than it has, which
 * would otherwise be rounded silently). A minus sign is read, so the server can say that an
 * amount cannot be negative.
 */
export const toUnits = (minor: number | null, currency: string) =>
  minor === null ? "" : (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));
export function toMinor(text: string, currency: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d{0,9})(?:[.,](\d*))?$/.exec(t);
  // At least one digit (".50" is half a unit; "." is nothing), and no more decimals than the currency has.
  if (!match || !/\d/.test(t) || (match[3] ?? "").length > exponent) return NaN;
  const [, sign, units, fraction = ""] = match;
  const minor = Number(units) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  return sign ? -minor : minor;
}
