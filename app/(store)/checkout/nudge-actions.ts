"use server";

import { claimNudge, findCustomerByEmail, recordNudgeDismissed } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { knownEmail } from "@/lib/store/engagement";
import { currentShopper } from "@/lib/store/owner";

const trigger = z.enum(["pointer_top", "tab_hidden", "back", "idle"]);

/**
 * The shopper is about to leave checkout: logs the exit intent and decides whether the nudge
 * shows (once per session, only with a cart still to buy, never after the purchase).
 */
export async function claimNudgeAction(raw: string): Promise<{ show: boolean }> {
  const parsed = trigger.safeParse(raw);
  if (!parsed.success) return { show: false };
  const shopper = await currentShopper();
  if (!shopper.sessionId) return { show: false };
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  if (!cart.id || cart.lines.length === 0) return { show: false };
  const email = await knownEmail(db, shopper, cart.email);
  const customer = email ? await findCustomerByEmail(db, email) : undefined;
  const show = await claimNudge(db, {
    sessionRef: shopper.sessionId,
    cartRef: cart.id,
    customerId: customer?.id ?? null,
    trigger: parsed.data,
    now: await storeNow(),
  });
  return { show };
}

export async function dismissNudgeAction(): Promise<void> {
  const shopper = await currentShopper();
  if (!shopper.sessionId) return;
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  await recordNudgeDismissed(db, { sessionRef: shopper.sessionId, cartRef: cart.id ?? "none", now: await storeNow() });
}
