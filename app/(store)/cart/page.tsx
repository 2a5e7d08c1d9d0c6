import type { Metadata } from "next";
import { CartView } from "@/components/store/cart-view";
import { getDb } from "@/db/client";
import { loadCart } from "@/lib/store/cart";
import { playShopper, previewReward } from "@/lib/store/engagement";
import { formatMoney } from "@/lib/store/money";
import { currentShopper } from "@/lib/store/owner";
import { shippingFor, withDiscount } from "@/lib/store/pricing";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const shopper = await currentShopper();
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  // The reward this cart would use at checkout: a prize won on an earlier order shows here.
  const reward =
    cart.lines.length > 0 ? await previewReward(db, playShopper(shopper, cart.email), cart.id, cart.lines) : null;
  const totals = withDiscount(cart.totals, reward?.discountMinor ?? 0, { waiveShipping: reward?.waiveShipping });
  // Money the reward saves (a bonus-points reward saves none: it pays out after the order).
  const rewardAmount = totals.discountMinor + (reward?.waiveShipping ? shippingFor(totals.subtotalMinor) : 0);
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
      <CartView
        lines={lines}
        subtotal={formatMoney(totals.subtotalMinor)}
        shipping={formatMoney(totals.shippingMinor)}
        reward={
          reward
            ? {
                label: reward.label,
                amount: rewardAmount > 0 ? formatMoney(rewardAmount) : "",
                total: formatMoney(totals.totalMinor),
              }
            : null
        }
      />
    </div>
  );
}
