// <PlaycartCheckout view={await playcart.checkout(...)} form="checkout" />: Playcart's part of
// the host's checkout page in one element: the game on offer (playcart/react's CheckoutGames,
// its own client chunk), the shopper's points and tier, and the reminder checkbox (bound to the
// host's own form by its id, read back by priceOrder({ form }), with the reward the shopper was
// shown, so priceOrder can say before payment when it no longer applies). Render it outside that form:
// the game's buttons must not submit it.
import { CheckoutGames, ShownRewardField } from "../react/index.ts";
import type { CheckoutView } from "./checkout.ts";
import { CONSENT_FIELD } from "./consent.ts";

export type PlaycartCheckoutProps = {
  view: CheckoutView;
  /** The id of the host's checkout <form>: the reminder checkbox submits with it. Without it, no checkbox. */
  form?: string;
  /** Formats minor units as the store shows money (default: Intl in the store's currency). */
  formatMoney?: (minor: number) => string;
  /** Where the host serves a game's odds page, if it does; default: Playcart's own (<basePath>/odds/<slug>). */
  oddsHref?: (slug: string) => string;
};

export function PlaycartCheckout({ view, form, formatMoney, oddsHref }: PlaycartCheckoutProps) {
  const money =
    formatMoney ??
    ((minor: number) =>
      new Intl.NumberFormat("en", { style: "currency", currency: view.ui.currency }).format(minor / 100));
  const progress = view.points?.progress;
  return (
    <div className="playcart-checkout">
      {/* Always rendered (a null offer shows nothing): it keeps a played game's result on screen after the refresh that ends the offer. */}
      <CheckoutGames
        offer={view.offer}
        emailStep={
          view.emailFirst
            ? {
                endpoint: view.ui.identifyEndpoint,
                consentWording: view.ui.consentWording,
                notice: view.incentiveNotice,
              }
            : null
        }
        playEndpoint={view.ui.playEndpoint}
        oddsHref={view.offer ? (oddsHref?.(view.offer.slug) ?? `${view.ui.oddsBase}/${view.offer.slug}`) : undefined}
      />
      {view.points && progress && (
        <section aria-label="Your rewards" className="playcart-rewards">
          <p className="playcart-points">
            You have <strong>{view.points.balance} points</strong>
            {/* Pending (inside the return window) and held (disputed) points are on their way. */}
            {view.points.held + view.points.pending > 0
              ? ` (${view.points.held + view.points.pending} more once recent orders settle)`
              : ""}
            .
          </p>
          <p className="playcart-tier">Your tier: {progress.current.label}</p>
          <div
            role="progressbar"
            aria-label={
              progress.next ? `Progress to ${progress.next.label}` : `${progress.current.label}, the top tier`
            }
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            className="playcart-tier-track"
            // Visible without any stylesheet; playcart/styles.css themes it.
            style={{ display: "block", minHeight: "0.5rem", background: "var(--playcart-track, #e7e5e4)" }}
          >
            <div
              className="playcart-tier-fill"
              style={{
                width: `${progress.percent}%`,
                minHeight: "0.5rem",
                background: "var(--playcart-accent, #15803d)",
              }}
            />
          </div>
          {progress.next && (
            <p className="playcart-tier-next">
              Spend {money(progress.remainingMinor)} more to reach {progress.next.label}.
            </p>
          )}
        </section>
      )}
      {form && (
        <label className="playcart-consent">
          <input type="checkbox" name={CONSENT_FIELD} form={form} /> {view.ui.consentWording}
        </label>
      )}
      {/* A client part: a game's result that names its saving on this order updates it before the refresh does. */}
      {form && <ShownRewardField form={form} rewardId={view.reward?.id ?? null} />}
    </div>
  );
}
