import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { getDb } from "@/db/client";
import { GameLauncher } from "@/components/engage/game-launcher";
import { CheckoutForm } from "@/components/store/checkout-form";
import { OrderSummary } from "@/components/store/order-summary";
import { paymentsMode } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { checkoutOffer, knownEmail, playShopper, previewReward, recordCheckoutView } from "@/lib/store/engagement";
import { currentShopper } from "@/lib/store/owner";
import { withDiscount } from "@/lib/store/pricing";
import { playGameAction } from "./play-action";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const shopper = await currentShopper();
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  if (cart.lines.length === 0) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="font-display text-3xl font-semibold">Checkout</h1>
        <p>Your cart is empty. <Link href="/" className="text-brand-700 underline">Browse the shop</Link>.</p>
      </div>
    );
  }
  const identity = playShopper(shopper, await knownEmail(db, shopper, cart.email));
  const [placement, reward] = await Promise.all([checkoutOffer(db, identity, cart.lines), previewReward(db, identity, cart.id, cart.lines)]);
  const offer = placement.offer;
  const cartId = cart.id;
  if (cartId) {
    after(() =>
      recordCheckoutView(db, identity, cartId, cart.totals.subtotalMinor, placement).catch((err) => console.error("[playcart] checkout view not logged", err)),
    );
  }
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-2">
      <div className="space-y-6">
        <h1 className="font-display text-3xl font-semibold">Checkout</h1>
        <CheckoutForm
          defaultEmail={identity.email ?? ""}
          payLabel={paymentsMode() === "stripe" ? "Continue to secure payment" : "Continue to test payment"}
        />
      </div>
      <div className="space-y-6">
        <OrderSummary
          lines={cart.lines.map((l) => ({ key: l.productId, name: l.name, quantity: l.quantity, lineTotalMinor: l.lineTotalMinor }))}
          totals={withDiscount(cart.totals, reward?.discountMinor ?? 0)}
          discountLabel={reward?.label}
        />
        {/* Always rendered (null offer = nothing shown): it keeps a played game's result on screen after the refresh that ends the offer. */}
        <GameLauncher offer={offer} play={playGameAction} oddsHref={offer ? `/odds/${offer.slug}` : undefined} />
      </div>
    </div>
  );
}
