// A play of a game, for the play route and for hosts' server actions. The server decides
// everything: who plays (the adapter's shopper, never the body), whether they may, what they win.
import { z } from "zod";
import { encodeReceipt, PlayError, type PlayOutcome, type PlayResult, play } from "../games/index.ts";
import type { Resolved, ShopperAnswer } from "./config.ts";
import { EMAIL_NEEDED, isFirstOrderGame } from "./email-first.ts";
import { offeredPlacement } from "./offers.ts";
import { thisOrderSaving } from "./play-saving.ts";
import { rememberedEmail } from "./remembered-email.ts";
import type { Runtime } from "./runtime.ts";
import { cartSummary, playIdentity } from "./shopper.ts";

// Which game and a nonce, nothing else: any other field (a prize, a price) is dropped here.
export const playRequestInput = z.object({
  campaignId: z.uuid(),
  // A fresh random id per press of the button: a replayed request is refused.
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  // The offer token the game came with: only a game offered to this shopper plays.
  token: z.string().max(256).optional(),
});

/**
 * `shopper`: adapter.shopper's answer, its email possibly a lookup, run only if the play needs
 * it (playIdentity). `headers`: the request's, where Playcart reads the email this browser gave
 * (remembered-email.ts).
 */
export async function playFor(
  rt: Runtime,
  shopper: ShopperAnswer | null,
  raw: unknown,
  headers?: Headers | null,
): Promise<PlayOutcome> {
  const input = playRequestInput.safeParse(raw);
  if (!input.success) return { status: "error", code: "invalid", message: "That game request was not valid." };
  // The rate limit and the play's device key need this browser's own key.
  if (!shopper?.id)
    return { status: "error", code: "forbidden", message: "Games are played from the store's own pages." };
  if (!rt.allowPlay(shopper.id))
    return {
      status: "error",
      code: "rate_limited",
      message: "Too many plays in a minute. Take a breath and try again.",
    };
  const { cfg } = rt;
  const now = await cfg.now();
  // Before any database work: a game this shopper was not offered is refused here, unread.
  const offered = offeredPlacement(rt, shopper, input.data, now);
  if ("status" in offered) return offered;
  // The cart is read before the shopper's assumed email is known: it gets their key and account.
  const cart = await cfg.adapter.cart({
    ...shopper,
    email: typeof shopper.email === "function" ? null : shopper.email,
  });
  const identity = await playIdentity(shopper, cart, rememberedEmail(cfg, headers, shopper));
  // A first-order game is judged on who is playing: it asks for the email before any play.
  if (!identity.email && (await isFirstOrderGame(await cfg.db(), input.data.campaignId))) return EMAIL_NEEDED;
  try {
    const result = await play(await cfg.db(), {
      campaignId: input.data.campaignId,
      requestId: input.data.requestId,
      shopper: identity,
      cart: { ...cartSummary(cart?.lines ?? []), cartRef: cart?.ref ?? null },
      now,
      timeZone: cfg.timeZone,
      offeredAt: offered.placement,
    });
    // Rules on game.played run after the response, so the animation never waits on them;
    // with none live, the play's event was recorded as processed and there is nothing to run.
    if (result.eventPending) rt.sweepAfterResponse(now);
    const savingMinor = result.reward?.scope === "this_order" && cart ? thisOrderSaving(result.reward, cart) : null;
    return playOutcome(cfg, result, savingMinor);
  } catch (err) {
    if (err instanceof PlayError) return { status: "error", code: err.code, message: err.message };
    console.error("[playcart] play failed", err);
    return { status: "error", code: "error", message: "The game could not be played. Please try again." };
  }
}

/** What the browser is told of a play the server made (at checkout or by free entry): its result, any reward, its draw's receipt. */
export function playOutcome(
  cfg: Pick<Resolved, "timeZone" | "currency" | "pages">,
  result: PlayResult,
  savingMinor: number | null = null,
): PlayOutcome {
  const receiptText = result.receipt && encodeReceipt(result.receipt);
  return {
    status: "ok",
    won: result.won,
    segment: result.segment,
    label: result.label,
    reward: result.reward && {
      id: result.reward.id,
      label: result.reward.label,
      scope: result.reward.scope as "this_order" | "next_order",
      expiresAt: result.reward.expiresAt.toISOString(),
      timeZone: cfg.timeZone,
      savingMinor,
      currency: cfg.currency,
    },
    playsLeft: result.playsLeft,
    receipt: result.receipt && {
      text: receiptText!,
      verifyHref: `${cfg.pages.verify}?r=${receiptText}`,
      playId: result.receipt.playId,
      period: result.receipt.period,
      commitment: result.receipt.commitment,
      revealsAt: result.receipt.revealsAt,
      attempt: result.receipt.attempt,
    },
  };
}
