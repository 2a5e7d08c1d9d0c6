import type { Metadata } from "next";
import { AdventCalendarView } from "@/components/engage/advent-calendar";
import { getDb } from "@/db/client";
import { ADVENT_SLUG } from "@/db/seed-seasonal";
import { adventCalendar } from "@/lib/engage";
import { env } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { knownEmail, playShopper } from "@/lib/store/engagement";
import { currentShopper } from "@/lib/store/owner";
import { playGameAction } from "../checkout/play-action";

export const metadata: Metadata = { title: "Advent calendar" };

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
  if (!calendar) {
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
          One door a day, from 1 to 12 December. Behind each: a scratch card with a reward for your next order.
        </p>
      </div>
      <AdventCalendarView calendar={calendar} play={playGameAction} oddsHref={`/odds/${calendar.slug}`} />
    </div>
  );
}
