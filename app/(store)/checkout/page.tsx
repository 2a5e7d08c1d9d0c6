import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PLAYCART_REWARD_SHOWN_EVENT } from "playcart/next";
import { CheckoutForm } from "@/components/store/checkout-form";
import { CheckoutGames, ExitIntent } from "@/components/store/playcart-checkout-parts";
import { getDb } from "@/db/client";
import { env, paymentsMode } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { loadCart } from "@/lib/store/cart";
import { playcartEngaged } from "@/lib/store/engage";
import { formatMoney } from "@/lib/store/money";
import { currentShopper } from "@/lib/store/owner";
import { playcartCart } from "@/lib/store/playcart-adapter";
import { withDiscount } from "@/lib/store/pricing";
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
  // PLAYCART_ENGAGE=off: the store without Playcart's checkout layer (no game looked up, none
  // rendered; built with it, none of its code in the page either: next.config.js).
  const engage = await playcartEngaged();
  // The game (the comeback game for a shopper back from a reminder) and the reward that
  // applies now; the view is logged after the response. The exit nudge's game comes with the nudge.
  const { offer, cameBack, reward, rewardOptions, email, emailFirst, incentiveNotice, ui } = await playcart.checkout({
    headers: await headers(),
    games: engage,
    cart: playcartCart(cart),
  });
  const totals = withDiscount(cart.totals, reward?.discountMinor ?? 0, {
    waiveShipping: (reward?.shippingWaivedMinor ?? 0) > 0,
  });
  // What the shopper saves is read from the totals the server just priced, never from the game.
  // With several rewards to choose from, each choice says what it saves instead.
  const choosing = engage && rewardOptions.length > 1;
  const savingMinor = choosing ? 0 : cart.totals.totalMinor - totals.totalMinor;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="font-display text-3xl font-semibold">Checkout</h1>
      {cameBack ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          Welcome back! Your cart is just as you left it.
        </p>
      ) : null}
      {/* One grid, no duplicated parts: on a phone the game comes first, above the pay button;
          from md up the form fills the left column and the summary sits above the game on the right.
          The last row takes what the form needs beyond the summary and the game (no gap between those two). */}
      <div className="grid gap-6 md:grid-cols-2 md:grid-rows-[auto_auto_1fr] md:gap-x-8">
        {engage && (
          // Always rendered (null offer = nothing shown): it keeps a played game's result on screen after the refresh that ends the offer.
          // A first-order game asks who is playing first when the store does not know the email yet.
          <div className="empty:hidden md:col-start-2 md:row-start-2">
            <CheckoutGames
              offer={offer}
              oddsHref={offer ? `/odds/${offer.slug}` : undefined}
              emailStep={
                emailFirst
                  ? { endpoint: ui.identifyEndpoint, consentWording: ui.consentWording, notice: incentiveNotice }
                  : null
              }
            />
          </div>
        )}
        {/* The exit-intent watcher sits beside the game's box, not in it: it shows nothing until its
            nudge, a modal dialog in the top layer, so it takes no place in the grid. */}
        {engage && (
          <ExitIntent
            play={playGameAction}
            claim={claimNudgeAction}
            dismiss={dismissNudgeAction}
            vapidPublicKey={env().VAPID_PUBLIC_KEY ?? null}
          />
        )}
        <div className="md:col-start-1 md:row-span-3 md:row-start-1">
          <CheckoutForm
            defaultEmail={email ?? ""}
            shownRewardId={reward?.id ?? ""}
            payLabel={paymentsMode() === "stripe" ? "Continue to secure payment" : "Continue to test payment"}
            saving={savingMinor > 0 ? formatMoney(savingMinor) : null}
            rewardShownEvent={engage ? PLAYCART_REWARD_SHOWN_EVENT : null}
          />
        </div>
        <div className="md:col-start-2 md:row-start-1">
          <CheckoutSummary cart={cart} options={rewardOptions} chooser={engage} />
        </div>
      </div>
    </div>
  );
}
