// Playcart's buttons as the server renders them, before React hydrates their lazily loaded
// chunks: a press then would do nothing (no panel, no game), so they are not pressable until
// hydrated. Once hydrated they are (the e2e journeys press them).

import type { GameOffer } from "playcart/client";
import { GameLauncher } from "playcart/internal/react/game-launcher";
import { RewardsLauncher } from "playcart/internal/react/rewards-launcher";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation.js", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const offer = {
  campaignId: "00000000-0000-4000-8000-000000000001",
  slug: "first-order-wheel",
  name: "Spin to win",
  gameType: "wheel",
  playsLeft: 1,
  segments: ["10% off", "Try again"],
  terms: { rewardValidDays: 30, freeEntry: true, everyPlayWins: false, lifetimeLimit: null, endsAt: null },
} as unknown as GameOffer;

const buttonNamed = (html: string, name: RegExp) =>
  [...html.matchAll(/<button[^>]*>[\s\S]*?<\/button>/g)].map((m) => m[0]).find((b) => name.test(b));

describe("Playcart's launchers before hydration", () => {
  it("renders the rewards button disabled", () => {
    const html = renderToStaticMarkup(createElement(RewardsLauncher, { floating: false }));
    const button = buttonNamed(html, /Rewards/);
    expect(button, html).toBeDefined();
    expect(button).toMatch(/\sdisabled=""/);
  });

  it("renders the game's Play button disabled", () => {
    const html = renderToStaticMarkup(
      createElement(GameLauncher, {
        offer,
        play: async () => ({ status: "error" as const, code: "error", message: "" }),
      }),
    );
    const button = buttonNamed(html, />Play</);
    expect(button, html).toBeDefined();
    expect(button).toMatch(/\sdisabled=""/);
  });
});
