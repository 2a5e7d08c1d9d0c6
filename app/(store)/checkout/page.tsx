import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { CheckoutGames, ExitIntent } from "playcart/react";
import { CheckoutForm } from "@/components/store/checkout-form";
import { OrderSummary } from "@/components/store/order-summary";
import { getDb } from "@/db/client";
import { env, paymentsMode } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { cameBackFromReminder, comebackOffer } from "@/lib/store/comeback";
import { checkoutOffer, knownEmail, playShopper, previewReward, recordCheckoutView } from "@/lib/store/engagement";
import { currentShopper } from "@/lib/store/owner";
import { withDiscount } from "@/lib/store/pricing";
import { claimNudgeAction, dismissNudgeAction } from "./nudge-actions";
import { playGameAction } from "./play-action";

export const metadata: Metadata = { title: "Checkout" };

// Where this store serves plays and push subscriptions (its own route handlers).
const PLAY_ENDPOINT = "/api/engage/play";
const PUSH_ENDPOINT = "/api/push/subscribe";

export default async function CheckoutPage() {
  const shopper = await currentShopper();
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  if (cart.lines.length === 0) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="font-display text-3xl font-semibold">Checkout</h1>
        <p>
          Your cart is empty.{" "}
          <Link href="/" className="text-brand-700 underline">
            Browse the shop
          </Link>
          .
        </p>
      </div>
    );
  }
  const identity = playShopper(shopper, await knownEmail(db, shopper, cart.email));
  // PLAYCART_ENGAGE=off: the store without Playcart's checkout layer (no game looked up or sent).
  const engage = env().PLAYCART_ENGAGE === "on";
  const [placement, reward, comeback, cameBack] = await Promise.all([
    engage ? checkoutOffer(db, identity, cart.lines) : null,
    previewReward(db, identity, cart.id, cart.lines),
    engage ? comebackOffer(db, identity, cart.lines) : null,
    cameBackFromReminder(),
  ]);
  // Back from a reminder: the comeback game comes first. Otherwise the exit nudge may carry it.
  const regularOffer = placement?.offer ?? null;
  const offer = cameBack && comeback ? comeback : regularOffer;
  const cartId = cart.id;
  if (cartId && engage) {
    // Read now: the test clock's cookie is only readable inside the request.
    const viewedAt = await storeNow();
    after(() =>
      recordCheckoutView(
        db,
        identity,
        cartId,
        cart.totals.subtotalMinor,
        placement ?? { offer: null, heldOut: [] },
        viewedAt,
      ).catch((err) => console.error("[playcart] checkout view not logged", err)),
    );
  }
  return (
    <div className="mx-auto grid max-w-4xl gap-8 md:grid-cols-2">
      <div className="space-y-6">
        <h1 className="font-display text-3xl font-semibold">Checkout</h1>
        {cameBack ? (
          <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
            Welcome back! Your cart is just as you left it.
          </p>
        ) : null}
        <CheckoutForm
          defaultEmail={identity.email ?? ""}
          payLabel={paymentsMode() === "stripe" ? "Continue to secure payment" : "Continue to test payment"}
        />
      </div>
      <div className="space-y-6">
        <OrderSummary
          lines={cart.lines.map((l) => ({
            key: l.productId,
            name: l.name,
            quantity: l.quantity,
            lineTotalMinor: l.lineTotalMinor,
          }))}
          totals={withDiscount(cart.totals, reward?.discountMinor ?? 0, { waiveShipping: reward?.waiveShipping })}
          discountLabel={reward?.label}
        />
        {/* Always rendered (null offer = nothing shown): it keeps a played game's result on screen after the refresh that ends the offer. */}
        {engage && (
          <CheckoutGames
            offer={offer}
            playEndpoint={PLAY_ENDPOINT}
            oddsHref={offer ? `/odds/${offer.slug}` : undefined}
          />
        )}
        {engage && (
          <ExitIntent
            offer={offer === comeback ? null : comeback}
            play={playGameAction}
            claim={claimNudgeAction}
            dismiss={dismissNudgeAction}
            vapidPublicKey={env().VAPID_PUBLIC_KEY ?? null}
            pushEndpoint={PUSH_ENDPOINT}
          />
        )}
      </div>
    </div>
  );
}
