"use client";

// Twelve doors, one per store day. Past doors show what was behind them, future ones are
// locked, and today's opens onto a scratch card (fetched only when the door is opened).
// The server decides which door is today's and what is behind it.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { AdventCalendar, GameOffer, PlayOutcome, PlayRequest } from "playcart/client";
import { useRef, useState } from "react";
import type { PlayResult } from "./game-types";
import styles from "./games.module.css";

const loading = () => (
  <p role="status" className="py-16 text-center text-sm text-stone-600">
    Opening the door…
  </p>
);
const ScratchCard = dynamic(() => import("./scratch-card").then((m) => m.ScratchCard), { ssr: false, loading });

const nonce = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
const dayWords = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );

export function AdventCalendarView({
  calendar,
  play,
  oddsHref,
}: {
  calendar: AdventCalendar;
  play: (req: PlayRequest) => Promise<PlayOutcome>;
  oddsHref: string;
}) {
  const router = useRouter();
  const [opened, setOpened] = useState<number | null>(null);
  const [played, setPlayed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const today = calendar.doors.find((d) => d.state === "today");
  const offer: GameOffer = {
    campaignId: calendar.campaignId,
    slug: calendar.slug,
    name: calendar.name,
    gameType: "advent_calendar",
    rewardScope: "next_order",
    segments: [],
    playsLeft: 1,
  };

  async function onPlay(): Promise<PlayResult | null> {
    setError(null);
    let outcome: PlayOutcome;
    try {
      outcome = await play({ campaignId: calendar.campaignId, requestId: nonce() });
    } catch {
      outcome = {
        status: "error",
        code: "network",
        message: "We could not reach the store. Check your connection and try again.",
      };
    }
    if (outcome.status === "ok") {
      setPlayed(true);
      return outcome;
    }
    setError(outcome.message);
    return null;
  }

  return (
    <div className="space-y-6">
      <ol className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6" aria-label="Advent calendar doors">
        {calendar.doors.map((door) => {
          const label = `Door ${door.day}, ${dayWords(door.date)}`;
          return (
            <li
              key={door.day}
              className={`${styles.door} relative aspect-square rounded-2xl`}
              data-state={door.state}
              data-testid={`door-${door.day}`}
            >
              {door.state === "today" && !played ? (
                <button
                  type="button"
                  onClick={() => {
                    setOpened(door.day);
                    requestAnimationFrame(() => panel.current?.scrollIntoView({ block: "nearest" }));
                  }}
                  aria-expanded={opened === door.day}
                  aria-controls="advent-door-panel"
                  className={`${styles.doorToday} flex h-full w-full flex-col items-center justify-center rounded-2xl bg-linear-to-br from-rose-600 to-amber-500 p-2 text-white shadow-lg ring-4 ring-amber-300 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-stone-900`}
                >
                  <span className="font-display text-3xl font-bold">{door.day}</span>
                  <span className="text-xs font-semibold uppercase tracking-wide">Open today’s door</span>
                  <span className="sr-only">{label}</span>
                </button>
              ) : door.state === "opened" ? (
                <div className="flex h-full flex-col items-center justify-center rounded-2xl border-2 border-amber-300 bg-amber-50 p-2 text-center">
                  <span className="text-xs font-semibold text-stone-500">Door {door.day}</span>
                  <span className="text-sm font-semibold leading-tight text-stone-900 [text-wrap:balance]">
                    {door.prizeLabel}
                  </span>
                  <span className="sr-only">, opened on {dayWords(door.date)}</span>
                </div>
              ) : (
                <div
                  className={`flex h-full flex-col items-center justify-center rounded-2xl p-2 text-center ${door.state === "locked" || door.state === "today" ? "bg-stone-800 text-stone-200" : "bg-stone-200 text-stone-500"}`}
                >
                  <span className="font-display text-2xl font-bold" aria-hidden="true">
                    {door.day}
                  </span>
                  <span className="text-xs">
                    {door.state === "missed"
                      ? "Missed"
                      : door.state === "today"
                        ? "Opened"
                        : `Locked until ${dayWords(door.date)}`}
                  </span>
                  <span className="sr-only">{label}</span>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-stone-600">
        {today ? "Today’s door is ready." : "No door to open today."}{" "}
        <a href={oddsHref} className="underline underline-offset-2 hover:text-stone-900">
          See the odds
        </a>
      </p>
      <p role="alert" className="text-center text-sm font-medium text-red-700 empty:hidden">
        {error}
      </p>
      <div id="advent-door-panel" ref={panel}>
        {opened !== null && (
          <section
            aria-label={`Door ${opened}`}
            className="rounded-2xl border border-amber-200 bg-linear-to-br from-amber-50 via-white to-rose-50 p-5 shadow-sm"
          >
            <ScratchCard
              offer={offer}
              playsLeft={played ? 0 : 1}
              oddsHref={oddsHref}
              onPlay={onPlay}
              onRevealed={() => router.refresh()}
            />
          </section>
        )}
      </div>
    </div>
  );
}
