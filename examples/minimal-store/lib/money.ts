/** "€12.90" for 1290 minor units of eur. */
export function formatMoney(minor: number, currency = "eur"): string {
  return new Intl.NumberFormat("en-IE", { style: "currency", currency: currency.toUpperCase() }).format(minor / 100);
}

/** Flat-rate delivery, free from €40. */
export const FREE_SHIPPING_FROM_MINOR = 4000;
export const shippingFor = (subtotalMinor: number) =>
  subtotalMinor === 0 || subtotalMinor >= FREE_SHIPPING_FROM_MINOR ? 0 : 490;
