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
export type CartTotals = {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  totalMinor: number;
  itemCount: number;
};

// The demo store's delivery: a flat fee, free from a subtotal (before rewards) upwards.
export const SHIPPING_FEE_MINOR = 495;
export const FREE_SHIPPING_FROM_MINOR = 2_500;

export function shippingFor(subtotalMinor: number): number {
  return subtotalMinor === 0 || subtotalMinor >= FREE_SHIPPING_FROM_MINOR ? 0 : SHIPPING_FEE_MINOR;
}

export function priceLines(
  lines: {
    productId: string;
    slug: string;
    name: string;
    image: string;
    categorySlug: string;
    priceMinor: number;
    quantity: number;
  }[],
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
  const shippingMinor = shippingFor(subtotalMinor);
  return {
    lines: priced,
    totals: { subtotalMinor, discountMinor: 0, shippingMinor, totalMinor: subtotalMinor + shippingMinor, itemCount },
  };
}

/**
 * Totals after a reward the server worked out (never one the browser sent): money off the
 * lines, and the delivery fee waived by a free-shipping reward.
 */
export function withDiscount(
  totals: CartTotals,
  discountMinor: number,
  opts: { waiveShipping?: boolean } = {},
): CartTotals {
  const discount = Math.max(0, Math.min(discountMinor, totals.subtotalMinor));
  const shippingMinor = opts.waiveShipping ? 0 : shippingFor(totals.subtotalMinor);
  return {
    ...totals,
    discountMinor: discount,
    shippingMinor,
    totalMinor: totals.subtotalMinor - discount + shippingMinor,
  };
}
