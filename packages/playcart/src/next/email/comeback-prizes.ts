// What a reminder may promise: the comeback game the shopper would be offered on coming back
// (the same search the checkout makes: live, open now, their audience, plays left, not held
// out) and the prizes it gives now, leaving out any sold out or drawn with no chance. A
// reminder that finds no game promises none.
import type { EngageDb } from "../../core/db.ts";
import { getSettings } from "../../core/settings.ts";
import { findOffer, liveCampaigns, openWindow, publicOdds } from "../../games/index.ts";
import type { ReminderMessage } from "../../reminders/index.ts";
import type { ComebackGame } from "./reminder-email.ts";

export function comebackGames(db: EngageDb, at: { now: Date; timeZone: string; currency: string }) {
  // One read of a campaign's prize table per run, however many reminders name it.
  const prizesOf = new Map<string, Promise<string[]>>();
  const honoured = async (slug: string) => {
    const odds = await publicOdds(db, slug, at);
    return (odds?.prizes ?? []).filter((p) => p.chance > 0 && !p.soldOut).map((p) => p.label);
  };
  // Most runs of a store without a comeback game open skip the per-shopper search entirely.
  let anyOpen: Promise<boolean> | undefined;
  // The market's wording ("win" or "gift"), read once per run.
  let wording: Promise<"win" | "gift"> | undefined;
  return async (m: ReminderMessage): Promise<ComebackGame | null> => {
    anyOpen ??= liveCampaigns(db, "comeback").then((list) =>
      list.some((c) => openWindow(c, at.now, at.timeZone) !== null),
    );
    if (!(await anyOpen)) return null;
    const offer = await findOffer(db, {
      placement: "comeback",
      // The link restores this cart for this email: judged as that shopper, as the checkout will.
      shopper: { email: m.email, userRef: null, deviceId: null, signedIn: false },
      cart: { valueMinor: m.valueMinor, itemCount: m.items.reduce((n, i) => n + i.quantity, 0), categories: [] },
      now: at.now,
      timeZone: at.timeZone,
    });
    if (!offer) return null;
    let prizes = prizesOf.get(offer.slug);
    if (!prizes) {
      prizes = honoured(offer.slug);
      prizesOf.set(offer.slug, prizes);
    }
    const list = await prizes;
    wording ??= getSettings(db).then((s) => s.storeTerms.wording);
    return list.length ? { name: offer.name, prizes: list, wording: await wording } : null;
  };
}
