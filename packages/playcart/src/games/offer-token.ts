// The proof that the server offered a game: a short-lived HMAC over the campaign, where it was
// offered, whom to and until when. A play must carry one (next/play.ts checks it before any
// database work), so a campaign id alone, read from a page or guessed, plays nothing.
// Pure CPU: one HMAC-SHA256 to mint, one to check, compared in constant time.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Placement } from "../core/schema.ts";

/** The key offer tokens are signed with: derived from the host's secret for this one purpose. */
export const offerSecretOf = (secret: string) =>
  createHash("sha256").update(`playcart-offers:${secret}`).digest("base64url");

/** Where a game was offered: the checkout's own game, the comeback game after a reminder link, the exit nudge, a seasonal page. */
export const OFFER_PLACEMENTS = ["checkout", "comeback", "nudge", "seasonal"] as const;
export type OfferPlacement = (typeof OFFER_PLACEMENTS)[number];

/** Long enough for a shopper who lingers at checkout; the page's refresh after a refusal mints a new one. */
export const OFFER_TOKEN_TTL_MS = 60 * 60_000;

/** The campaign placements each offer placement may play (checked against the campaign in the play). */
export const PLAYABLE_AT: Record<OfferPlacement, readonly Placement[]> = {
  checkout: ["checkout_first_order", "checkout_returning"],
  comeback: ["comeback"],
  nudge: ["comeback"],
  seasonal: ["seasonal_page"],
};

/** Who a token is for: this browser's key, else the signed-in account. */
export type OfferHolder = { id: string | null; userRef: string | null };

// The holder in the MAC: d = browser key, u = account, a = anyone (only a seasonal page, whose
// game every visitor is offered, mints one, for a visitor the store does not know yet).
type HolderKind = "d" | "u" | "a";

const holderValue = (kind: HolderKind, holder: OfferHolder): string | null =>
  kind === "d" ? holder.id || null : kind === "u" ? holder.userRef || null : "";

const mac = (key: string, campaignId: string, placement: string, kind: string, holder: string, exp: string) =>
  createHmac("sha256", key).update(`offer:${campaignId}:${placement}:${kind}:${holder}:${exp}`).digest("base64url");

export function mintOfferToken(
  key: string,
  offer: { campaignId: string; placement: OfferPlacement; holder: OfferHolder; now: Date },
): string {
  const kind: HolderKind = offer.holder.id ? "d" : offer.holder.userRef ? "u" : "a";
  if (kind === "a" && offer.placement !== "seasonal") throw new Error("playcart: an offer needs a shopper to hold it");
  const exp = String(Math.floor((offer.now.getTime() + OFFER_TOKEN_TTL_MS) / 1000));
  const holder = holderValue(kind, offer.holder) ?? "";
  return `${offer.placement}.${exp}.${kind}.${mac(key, offer.campaignId, offer.placement, kind, holder, exp)}`;
}

export type OfferCheck =
  | { ok: true; placement: OfferPlacement }
  | { ok: false; reason: "missing" | "forged" | "expired" };

/** Whether `token` offers `campaignId` to this holder now. Its placement is checked against the campaign in the play. */
export function checkOfferToken(
  key: string,
  token: string | null | undefined,
  campaignId: string,
  holder: OfferHolder,
  now: Date,
): OfferCheck {
  if (!token) return { ok: false, reason: "missing" };
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, reason: "forged" };
  const [placement, exp, kind, tag] = parts;
  if (!(OFFER_PLACEMENTS as readonly string[]).includes(placement) || !/^\d{1,12}$/.test(exp))
    return { ok: false, reason: "forged" };
  if (kind !== "d" && kind !== "u" && !(kind === "a" && placement === "seasonal"))
    return { ok: false, reason: "forged" };
  const value = holderValue(kind, holder);
  if (value === null) return { ok: false, reason: "forged" };
  const want = Buffer.from(mac(key, campaignId, placement, kind, value, exp));
  const got = Buffer.from(tag);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "forged" };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, placement: placement as OfferPlacement };
}
