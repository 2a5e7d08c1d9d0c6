import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { CartView } from "@/components/store/cart-view";
import { loadCart } from "@/lib/store/cart";
import { formatMoney } from "@/lib/store/money";
import { currentShopper } from "@/lib/store/owner";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const cart = await loadCart(await getDb(), await currentShopper());
  const lines = cart.lines.map((l) => ({
    productId: l.productId,
    slug: l.slug,
    name: l.name,
    image: l.image,
    quantity: l.quantity,
    unitPrice: formatMoney(l.unitPriceMinor),
    lineTotal: formatMoney(l.lineTotalMinor),
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-display text-3xl font-semibold">Your cart</h1>
      <CartView lines={lines} subtotal={formatMoney(cart.totals.subtotalMinor)} />
    </div>
  );
}
