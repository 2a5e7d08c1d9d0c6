// Amounts are integer minor units (cents); the currency says how many make a unit.
const exponents = new Map<string, number>();

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exp = exponents.get(code);
  if (exp === undefined) {
    exp =
      new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(code, exp);
  }
  return exp;
}

/** Points earned on a payment: floor(units paid x rate), computed in integers. */
export function pointsFor(amountMinor: number, currency: string, earnRate: number): number {
  const rateHundredths = Math.round(earnRate * 100);
  return Math.floor((amountMinor * rateHundredths) / (100 * 10 ** currencyExponent(currency)));
}

/** The share of `points` that a cumulative refund takes back, rounded in the shopper's favour. */
export function clawbackFor(points: number, amountPaidMinor: number, amountRefundedMinor: number): number {
  if (amountPaidMinor <= 0 || amountRefundedMinor <= 0) return 0;
  if (amountRefundedMinor >= amountPaidMinor) return points;
  return Math.floor((points * amountRefundedMinor) / amountPaidMinor);
}
