// Formatting shared by admin server and client components (no env access: currency is passed in).
import { currencyExponent } from "@/lib/engage/money";

export const money = (minor: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(minor / 10 ** currencyExponent(currency));

export const percent = (x: number | null, digits = 1) => (x === null ? "–" : `${(x * 100).toFixed(digits)}%`);

/** Minor units to the decimal a person types ("12.50"), and back (null when empty or not a number). */
export const toUnits = (minor: number | null, currency: string) => (minor === null ? "" : (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency)));
export function toMinor(text: string, currency: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n * 10 ** currencyExponent(currency)) : NaN;
}
