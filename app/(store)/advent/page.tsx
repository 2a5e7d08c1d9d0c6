import type { Metadata } from "next";
import { adventCalendar } from "playcart";
import { AdventCalendarView } from "playcart/react";
import { getDb } from "@/db/client";
import { ADVENT_SLUG } from "@/db/seed-seasonal";
import { env } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { knownEmail, playShopper } from "@/lib/store/engagement";
import { currentShopper } from "@/lib/store/owner";
import { playGameAction } from "../checkout/play-action";

export const metadata: Metadata = { title: "Advent calendar" };

// The doors' first and last store days, e.g. "1 – 12 December 2026": this year's calendar,
// or next year's once this one is over.
const doorSpan = (doors: { date: string }[]) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatRange(
    new Date(`${doors[0].date}T12:00:00Z`),
    new Date(`${doors[doors.length - 1].date}T12:00:00Z`),
  );

export default async function AdventPage() {
  const shopper = await currentShopper();
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  // The same identity the play uses, so doors opened in this browser or account show as opened.
  const identity = playShopper(shopper, await knownEmail(db, shopper, cart.email));
  const calendar = await adventCalendar(db, {
    slug: ADVENT_SLUG,
    shopper: identity,
    now: await storeNow(),
    timeZone: env().STORE_TIMEZONE,
  });
  if (!calendar || calendar.doors.length === 0) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="font-display text-3xl font-semibold">Advent calendar</h1>
        <p>The advent calendar is not running right now.</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="font-display text-3xl font-semibold">{calendar.name}</h1>
        <p className="mt-1 text-stone-600">
          One door a day, {doorSpan(calendar.doors)}. Behind each: a scratch card with a reward for your next order.
        </p>
      </div>
      <AdventCalendarView calendar={calendar} play={playGameAction} oddsHref={`/odds/${calendar.slug}`} />
    </div>
  );
}
