// Totals are computed here, on the server, from database prices. Nothing the browser
// sends is a price.
export type PricedLine = {
  productId: string;
  slug: string;
  name: string;
  image: string;
  categorySlug: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
};
export type CartTotals = { subtotalMinor: number; discountMinor: number; totalMinor: number; itemCount: number };

export function priceLines(
  lines: { productId: string; slug: string; name: string; image: string; categorySlug: string; priceMinor: number; quantity: number }[],
): { lines: PricedLine[]; totals: CartTotals } {
  const priced = lines.map((l) => ({
    productId: l.productId,
    slug: l.slug,
    name: l.name,
    image: l.image,
    categorySlug: l.categorySlug,
    unitPriceMinor: l.priceMinor,
    quantity: l.quantity,
    lineTotalMinor: l.priceMinor * l.quantity,
  }));
  const subtotalMinor = priced.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const itemCount = priced.reduce((sum, l) => sum + l.quantity, 0);
  return { lines: priced, totals: { subtotalMinor, discountMinor: 0, totalMinor: subtotalMinor, itemCount } };
}

/** Totals after a discount the server worked out (never one the browser sent). */
export function withDiscount(totals: CartTotals, discountMinor: number): CartTotals {
  const discount = Math.max(0, Math.min(discountMinor, totals.subtotalMinor));
  return { ...totals, discountMinor: discount, totalMinor: totals.subtotalMinor - discount };
}
