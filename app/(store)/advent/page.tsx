import type { Metadata } from "next";
import { AdventCalendarView } from "playcart/react";
import { ADVENT_SLUG } from "@/db/seed-seasonal";
import { playcart } from "@/lib/playcart";
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
  // Doors this shopper opened (the identity a play uses), and today's door with its offer token.
  const calendar = await playcart.adventCalendar({ slug: ADVENT_SLUG });
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
