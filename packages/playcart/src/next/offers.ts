// Offer tokens at the edge: every game Playcart shows a shopper carries one, and a play is
// taken only with a token for that game and this shopper (see games/offer-token.ts).
import {
  checkOfferToken,
  keyConditions,
  mintOfferToken,
  type Offer,
  type OfferPlacement,
  type OfferRules,
  type PlayOutcome,
} from "../games/index.ts";
import type { Shopper } from "./config.ts";
import type { Runtime } from "./runtime.ts";

/**
 * The offer with its token and its official rules (link, significant conditions, wording), or
 * null when nobody could hold it (no browser key and no account).
 */
export async function offerWithToken(
  rt: Runtime,
  offer: Offer | null,
  placement: OfferPlacement,
  shopper: Shopper,
  now: Date,
): Promise<(Offer & { rules: OfferRules }) | null> {
  if (!offer || (!shopper.id && !shopper.userRef && placement !== "seasonal")) return null;
  const holder = { id: shopper.id, userRef: shopper.userRef };
  return {
    ...offer,
    token: mintOfferToken(rt.cfg.offerSecret, { campaignId: offer.campaignId, placement, holder, now }),
    rules: await offerRules(rt, offer),
  };
}

/** An offer's rules link and its conditions line (UK CAP 8.17: significant conditions before purchase). */
export async function offerRules(rt: Runtime, offer: Pick<Offer, "slug" | "rewardScope" | "gameType" | "terms">) {
  const terms = await rt.storeTerms();
  const date = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: rt.cfg.timeZone }).format(d);
  return {
    href: rulesHref(rt, offer.slug),
    conditions: keyConditions(
      {
        ...offer.terms,
        gameType: offer.gameType,
        rewardScope: offer.rewardScope,
        endsAt: offer.terms.endsAt ? new Date(offer.terms.endsAt) : null,
      },
      terms,
      date,
    ),
    wording: terms.wording,
  } satisfies OfferRules;
}

export const rulesHref = (rt: Runtime, slug: string) => `${rt.cfg.pages.rules}/${slug}`;
export const freeEntryHref = (rt: Runtime, slug: string) => `${rt.cfg.pages.rules}/${slug}/free-entry`;

const REFUSAL = {
  missing: "This game was not offered to you here.",
  forged: "This game was not offered to you here.",
  expired: "This game's offer has expired. Reload the page to play.",
};

/** Where the play's token says the game was offered, or the refusal (pure CPU: no database read). */
export function offeredPlacement(
  rt: Runtime,
  shopper: Pick<Shopper, "id" | "userRef">,
  play: { campaignId: string; token?: string | null },
  now: Date,
): { placement: OfferPlacement } | Extract<PlayOutcome, { status: "error" }> {
  const holder = { id: shopper.id, userRef: shopper.userRef };
  const checked = checkOfferToken(rt.cfg.offerSecret, play.token, play.campaignId, holder, now);
  if (checked.ok) return { placement: checked.placement };
  return { status: "error", code: "not_offered", message: REFUSAL[checked.reason] };
}
