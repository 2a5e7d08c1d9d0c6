"use client";

// Twelve doors, one per store day. Past doors show what was behind them, future ones are
// locked, and today's opens onto a scratch card (fetched only when the door is opened).
// The server decides which door is today's and what is behind it.
import { useRouter } from "next/navigation.js";
import { lazy, Suspense, useRef, useState } from "react";
import type { AdventCalendar, GameOffer, PlayOutcome } from "../client.ts";
import { defaultOddsHref, nonce, type PlayFn, type PlayResult } from "./game-types.ts";
import { playViaRoute } from "./play-route.ts";
import { ConditionsLine } from "./rules-line.tsx";

const loading = (
  <p role="status" className="playcart-loading">
    Opening the door…
  </p>
);
// Rendered only once a door is opened, so never on the server.
const ScratchCard = lazy(() => import("./scratch-card.tsx").then((m) => ({ default: m.ScratchCard })));

const dayWords = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );

export type AdventCalendarViewProps = {
  calendar: AdventCalendar;
  /** How a play reaches the server: a server action or any function. Default: POST to `playEndpoint`. */
  play?: PlayFn;
  /** The play route when `play` is not given (default /api/playcart/play). */
  playEndpoint?: string;
  /** The calendar's odds page (default /odds/<slug>). */
  oddsHref?: string;
};

export function AdventCalendarView({ calendar, play, playEndpoint, oddsHref: odds }: AdventCalendarViewProps) {
  const router = useRouter();
  const [viaRoute] = useState(() => playViaRoute(playEndpoint));
  const [opened, setOpened] = useState<number | null>(null);
  const [played, setPlayed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const oddsHref = odds ?? defaultOddsHref(calendar.slug);
  const today = calendar.doors.find((d) => d.state === "today");
  const offer: GameOffer = {
    campaignId: calendar.campaignId,
    slug: calendar.slug,
    name: calendar.name,
    gameType: "advent_calendar",
    rewardScope: "next_order",
    segments: [],
    playsLeft: 1,
    rules: calendar.rules,
  };

  async function onPlay(): Promise<PlayResult | null> {
    setError(null);
    let outcome: PlayOutcome;
    try {
      outcome = await (play ?? viaRoute)({
        campaignId: calendar.campaignId,
        requestId: nonce(),
        token: calendar.token,
      });
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
    <div className="playcart-advent">
      <ol className="playcart-advent-doors" aria-label="Advent calendar doors">
        {calendar.doors.map((door) => {
          const label = `Door ${door.day}, ${dayWords(door.date)}`;
          return (
            <li key={door.day} className="playcart-door" data-state={door.state} data-testid={`door-${door.day}`}>
              {door.state === "today" && !played ? (
                <button
                  type="button"
                  onClick={() => {
                    setOpened(door.day);
                    requestAnimationFrame(() => panel.current?.scrollIntoView({ block: "nearest" }));
                  }}
                  aria-expanded={opened === door.day}
                  aria-controls="advent-door-panel"
                  className="playcart-door-today"
                >
                  <span className="playcart-door-number">{door.day}</span>
                  <span className="playcart-door-caption">Open today’s door</span>
                  <span className="playcart-sr-only">{label}</span>
                </button>
              ) : door.state === "opened" ? (
                <div className="playcart-door-opened">
                  <span className="playcart-door-caption">Door {door.day}</span>
                  <span className="playcart-door-prize">{door.prizeLabel}</span>
                  <span className="playcart-sr-only">, opened on {dayWords(door.date)}</span>
                </div>
              ) : (
                <div
                  className={
                    door.state === "locked" || door.state === "today" ? "playcart-door-closed" : "playcart-door-missed"
                  }
                >
                  <span className="playcart-door-number" aria-hidden="true">
                    {door.day}
                  </span>
                  <span className="playcart-door-caption">
                    {door.state === "missed"
                      ? "Missed"
                      : door.state === "today"
                        ? "Opened"
                        : `Locked until ${dayWords(door.date)}`}
                  </span>
                  <span className="playcart-sr-only">{label}</span>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="playcart-advent-note">
        {today ? "Today’s door is ready." : "No door to open today."} <a href={oddsHref}>See the odds</a>
        {calendar.rules && (
          <>
            {" · "}
            <a href={calendar.rules.href}>Official rules</a>
          </>
        )}
      </p>
      <ConditionsLine rules={calendar.rules} />
      <p role="alert" className="playcart-alert">
        {error}
      </p>
      <div id="advent-door-panel" ref={panel}>
        {opened !== null && (
          <section aria-label={`Door ${opened}`} className="playcart-panel">
            <Suspense fallback={loading}>
              <ScratchCard
                offer={offer}
                playsLeft={played ? 0 : 1}
                oddsHref={oddsHref}
                onPlay={onPlay}
                onRevealed={() => router.refresh()}
              />
            </Suspense>
          </section>
        )}
      </div>
    </div>
  );
}
