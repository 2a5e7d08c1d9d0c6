// Totals are computed here, on the server, from database prices. Nothing the browser
// sends is a price.
export type PricedLine = { productId: string; slug: string; name: string; image: string; unitPriceMinor: number; quantity: number; lineTotalMinor: number };
export type CartTotals = { subtotalMinor: number; discountMinor: number; totalMinor: number; itemCount: number };

export function priceLines(
  lines: { productId: string; slug: string; name: string; image: string; priceMinor: number; quantity: number }[],
): { lines: PricedLine[]; totals: CartTotals } {
  const priced = lines.map((l) => ({
    productId: l.productId,
    slug: l.slug,
    name: l.name,
    image: l.image,
    unitPriceMinor: l.priceMinor,
    quantity: l.quantity,
    lineTotalMinor: l.priceMinor * l.quantity,
  }));
  const subtotalMinor = priced.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const itemCount = priced.reduce((sum, l) => sum + l.quantity, 0);
  return { lines: priced, totals: { subtotalMinor, discountMinor: 0, totalMinor: subtotalMinor, itemCount } };
}
