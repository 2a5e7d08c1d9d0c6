// The advent calendar as a host's page shows it: the doors for this shopper (the identity a
// play uses, so doors opened in this browser or account show as opened), and today's door
// with its offer token. A seasonal page offers its game to every visitor, so a visitor the
// store does not know yet (no browser key before the first play) gets a token anyone holds.
import { type AdventCalendar, adventCalendar, mintOfferToken } from "../games/index.ts";
import type { Shopper } from "./config.ts";
import { offerRules } from "./offers.ts";
import type { Runtime } from "./runtime.ts";
import { playShopper } from "./shopper.ts";

export async function adventFor(rt: Runtime, shopper: Shopper | null, slug: string): Promise<AdventCalendar | null> {
  const { cfg } = rt;
  const cart = shopper ? await cfg.adapter.cart(shopper) : null;
  const now = await cfg.now();
  const calendar = await adventCalendar(await cfg.db(), {
    slug,
    shopper: shopper ? playShopper(shopper, cart) : {},
    now,
    timeZone: cfg.timeZone,
  });
  if (!calendar) return null;
  const rules = await offerRules(rt, { ...calendar, gameType: "advent_calendar" });
  if (!calendar.todayOpen) return { ...calendar, rules };
  const holder = { id: shopper?.id ?? null, userRef: shopper?.userRef ?? null };
  const token = mintOfferToken(cfg.offerSecret, {
    campaignId: calendar.campaignId,
    placement: "seasonal",
    holder,
    now,
  });
  return { ...calendar, token, rules };
}
