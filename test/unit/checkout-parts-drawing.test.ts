// What Playcart draws on the checkout before anyone plays: its badges in CSS, with no inline
// <svg>. A page's first SVG makes Chromium load its SVG stylesheet and restyle the whole page
// (bench:checkout measured about 3 ms of the load's main thread at 1x), and the demo's checkout
// has no other. The games themselves (their own chunks, after Play) still draw in SVG.

import { readFileSync } from "node:fs";
import path from "node:path";
import type { GameOffer } from "playcart/client";
import { GAME_TYPES } from "playcart/internal/core/enums";
import { EmailStep } from "playcart/internal/react/email-step";
import { GameLauncher } from "playcart/internal/react/game-launcher";
import { RewardsLauncher } from "playcart/internal/react/rewards-launcher";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation.js", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const styles = readFileSync(path.resolve(__dirname, "../../packages/playcart/src/react/styles.css"), "utf8");

const offerOf = (gameType: GameOffer["gameType"]) =>
  ({
    campaignId: "00000000-0000-4000-8000-000000000001",
    slug: "first-order-wheel",
    name: "Spin to win",
    gameType,
    playsLeft: 1,
    rewardScope: "this_order",
    commitment: { period: "2026-01-01", commitment: "ab".repeat(32), revealsAt: "2026-01-02T00:00:00Z" },
  }) as unknown as GameOffer;

describe("Playcart's parts of the checkout, as the server renders them", () => {
  it.each(GAME_TYPES)("draw the %s offer's badge in CSS, with no inline SVG", (gameType) => {
    const card = renderToStaticMarkup(
      createElement(GameLauncher, { offer: offerOf(gameType), play: async () => ({ status: "ok" }) as never }),
    );
    const emailStep = renderToStaticMarkup(
      createElement(EmailStep, {
        offer: offerOf(gameType),
        endpoint: "/api/playcart/identify",
        consentWording: "Email me",
        oddsHref: "/odds/x",
        onIdentified: () => {},
      }),
    );
    for (const html of [card, emailStep]) {
      expect(html).toContain(`playcart-game-icon-${gameType}`);
      expect(html).not.toMatch(/<svg/i);
    }
    // The badge's class has a drawing in the stylesheet.
    expect(styles).toMatch(new RegExp(`\\.playcart-game-icon-${gameType} \\.playcart-game-glyph[^{]*\\{[^}]*\\S`));
  });

  it("draw the rewards button's star in CSS, with no inline SVG", () => {
    const html = renderToStaticMarkup(createElement(RewardsLauncher, { floating: false }));
    expect(html).toContain("playcart-rewards-star");
    expect(html).not.toMatch(/<svg/i);
  });
});
