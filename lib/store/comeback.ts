// The comeback game: offered at checkout to a shopper who came back from a reminder link
// (the pc_comeback cookie), and carried by the exit nudge.
import "server-only";
import { cookies } from "next/headers";
import { findOffer, type Offer, type PlayShopper } from "playcart";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "./clock";
import { cartSummary } from "./engagement";
import type { PricedLine } from "./pricing";

export const COMEBACK_COOKIE = "pc_comeback";

export async function cameBackFromReminder(): Promise<boolean> {
  return /^\d+$/.test((await cookies()).get(COMEBACK_COOKIE)?.value ?? "");
}

/** The live comeback game for this shopper, if any plays are left. */
export async function comebackOffer(db: Db, shopper: PlayShopper, lines: PricedLine[]): Promise<Offer | null> {
  return findOffer(db, {
    placement: "comeback",
    shopper,
    cart: cartSummary(lines),
    now: await storeNow(),
    timeZone: env().STORE_TIMEZONE,
  });
}
