import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { CheckoutGames, ExitIntent } from "playcart/react";
import { CheckoutForm } from "@/components/store/checkout-form";
import { getDb } from "@/db/client";
import { env, paymentsMode } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { loadCart } from "@/lib/store/cart";
import { currentShopper } from "@/lib/store/owner";
import { playcartCart } from "@/lib/store/playcart-adapter";
import { CheckoutSummary } from "./checkout-summary";
import { claimNudgeAction, dismissNudgeAction } from "./nudge-actions";
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
  // PLAYCART_ENGAGE=off: the store without Playcart's checkout layer (no game looked up or sent).
  const engage = env().PLAYCART_ENGAGE === "on";
  // The game (the comeback game first for a shopper back from a reminder), the comeback game
  // for the exit nudge, and the reward that applies now; the view is logged after the response.
  const { offer, nudgeOffer, cameBack, rewardOptions, email } = await playcart.checkout({
    headers: await headers(),
    games: engage,
    cart: playcartCart(cart),
  });
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
          defaultEmail={email ?? ""}
          payLabel={paymentsMode() === "stripe" ? "Continue to secure payment" : "Continue to test payment"}
        />
      </div>
      <div className="space-y-6">
        <CheckoutSummary cart={cart} options={rewardOptions} chooser={engage} />
        {/* Always rendered (null offer = nothing shown): it keeps a played game's result on screen after the refresh that ends the offer. */}
        {engage && <CheckoutGames offer={offer} oddsHref={offer ? `/odds/${offer.slug}` : undefined} />}
        {engage && (
          <ExitIntent
            offer={nudgeOffer}
            play={playGameAction}
            claim={claimNudgeAction}
            dismiss={dismissNudgeAction}
            vapidPublicKey={env().VAPID_PUBLIC_KEY ?? null}
          />
        )}
      </div>
    </div>
  );
}
