// The checkout's order summary, one per reward the shopper may use (best first, preselected):
// every total is priced here, on the server; the chooser only picks which one to show and post.
import type { RewardPreview } from "playcart/next";
import { CheckoutRewardSummary } from "@/components/store/checkout-reward-summary";
import { OrderSummary } from "@/components/store/order-summary";
import type { loadCart } from "@/lib/store/cart";
import { formatMoney } from "@/lib/store/money";
import { withDiscount } from "@/lib/store/pricing";

type LoadedCart = Awaited<ReturnType<typeof loadCart>>;

function savesWords(r: RewardPreview): string {
  if (r.shippingWaivedMinor > 0) return `Free delivery: saves ${formatMoney(r.shippingWaivedMinor)}`;
  if (r.discountMinor > 0) return `Saves ${formatMoney(r.discountMinor)}`;
  return `${r.bonusPoints} bonus points once paid`;
}

export function CheckoutSummary({
  cart,
  options,
  chooser,
}: {
  cart: LoadedCart;
  options: RewardPreview[];
  /** Off with PLAYCART_ENGAGE=off: no Playcart script in the checkout; the best reward applies. */
  chooser: boolean;
}) {
  const lines = cart.lines.map((l) => ({
    key: l.productId,
    name: l.name,
    quantity: l.quantity,
    lineTotalMinor: l.lineTotalMinor,
  }));
  const summaryWith = (r: RewardPreview | null) => (
    <OrderSummary
      lines={lines}
      totals={withDiscount(cart.totals, r?.discountMinor ?? 0, { waiveShipping: (r?.shippingWaivedMinor ?? 0) > 0 })}
      discountLabel={r?.label}
    />
  );
  if (!chooser || options.length < 2) return summaryWith(options[0] ?? null);
  return (
    <CheckoutRewardSummary
      form="checkout"
      choices={options.map((r) => ({ id: r.id, label: r.label, where: r.where, saves: savesWords(r) }))}
      summaries={Object.fromEntries(options.map((r) => [r.id, summaryWith(r)]))}
    />
  );
}
