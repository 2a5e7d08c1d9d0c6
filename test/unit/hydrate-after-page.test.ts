// Playcart's parts on a host's pages arrive from the server inside a Suspense boundary of their
// own, so React hydrates them after the host's page rather than inside the page's hydration
// task, the longest task of a checkout's load (bench:checkout-metrics, "longest task": Playcart
// added about 14 ms to it at 1x, four times that at Lighthouse's 4x, before they were deferred;
// between -7 and +8 ms after).

import type { GameOffer } from "playcart/client";
import { CheckoutGames } from "playcart/internal/react/checkout-games";
import { ExitIntent } from "playcart/internal/react/exit-intent";
import { RewardsLauncher } from "playcart/internal/react/rewards-launcher";
import { ShownRewardField } from "playcart/internal/react/shown-reward-field";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation.js", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const offer = {
  campaignId: "00000000-0000-4000-8000-000000000001",
  slug: "first-order-wheel",
  name: "Spin to win",
  gameType: "spin_wheel",
  playsLeft: 1,
  rewardScope: "this_order",
  segments: ["10% off", "Try again"],
  commitment: { period: "2026-01-01", commitment: "ab".repeat(32), revealsAt: "2026-01-02T00:00:00Z" },
  terms: { rewardValidDays: 7, freeEntry: false, everyPlayWins: false, lifetimeLimit: null, endsAt: null },
} as unknown as GameOffer;

// React's markers of a server-rendered Suspense boundary: <!--$--> opens it, <!--/$--> closes it.
const OPEN = "<!--$-->";
const CLOSE = "<!--/$-->";

const parts = {
  "the checkout's game slot": () => createElement(CheckoutGames, { offer, playEndpoint: "/api/playcart/play" }),
  "the exit-intent watcher": () =>
    createElement(ExitIntent, { claim: async () => ({ show: false }), dismiss: async () => {} }),
  "the rewards button": () => createElement(RewardsLauncher, { floating: false }),
  "the shown-reward field": () => createElement(ShownRewardField, { form: "checkout", rewardId: null }),
};

describe("Playcart's parts, as the server renders them for hydration", () => {
  it.each(Object.entries(parts))("%s comes whole inside a Suspense boundary of its own", (_, part) => {
    const html = renderToString(part());
    expect(html.startsWith(OPEN)).toBe(true);
    expect(html.endsWith(CLOSE)).toBe(true);
    // One boundary around everything, not an empty one beside the part.
    expect(html.indexOf(CLOSE)).toBe(html.length - CLOSE.length);
  });

  it("the game slot's content is in that boundary, its fallback never shown", () => {
    const html = renderToString(parts["the checkout's game slot"]());
    expect(html).toContain("Spin to win");
    expect(html).not.toContain("<!--$!-->");
  });
});
