// The amount an owner asks to refund, read the same way by the refund form (to show it in the
// confirmation) and by the server action (which decides): empty means all that is left.
import { currencyExponent } from "playcart/client";

export const REFUND_AMOUNT_FORMAT = "Enter an amount like 12.50, or leave it empty for a full refund.";

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    minor / 10 ** currencyExponent(currency),
  );

/** The refund in minor units, or why it cannot be made. */
export function refundAmount(
  text: string,
  remainingMinor: number,
  currency: string,
): { minor: number; label: string; full: boolean } | { error: string } {
  const t = text.trim();
  if (!/^(\d{1,7}(\.\d{1,2})?)?$/.test(t)) return { error: REFUND_AMOUNT_FORMAT };
  const minor = t ? Math.round(Number(t) * 10 ** currencyExponent(currency)) : remainingMinor;
  if (minor <= 0 || minor > remainingMinor)
    return { error: `Refund between ${money(1, currency)} and ${money(remainingMinor, currency)}.` };
  return { minor, label: money(minor, currency), full: minor === remainingMinor };
}
