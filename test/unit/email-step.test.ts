// The first-order game's email step as the server renders it, before React hydrates its lazily
// loaded chunk: Continue must not be pressable then, or the browser submits the form natively,
// reloads the checkout and the email the shopper typed is lost.

import type { GameOffer } from "playcart/client";
import { EmailStep } from "playcart/internal/react/email-step";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

const offer = {
  campaignId: "00000000-0000-4000-8000-000000000001",
  slug: "first-order-wheel",
  name: "Spin to win",
  gameType: "wheel",
} as unknown as GameOffer;

describe("the email step before hydration", () => {
  it("renders Continue disabled, so neither a click nor Enter submits the form natively", () => {
    const html = renderToStaticMarkup(
      createElement(EmailStep, {
        offer,
        endpoint: "/api/playcart/identify",
        consentWording: "Remind me by email",
        oddsHref: "/odds/first-order-wheel",
        onIdentified: () => {},
      }),
    );
    const button = /<button[^>]*>Continue<\/button>/.exec(html)?.[0];
    expect(button, html).toBeDefined();
    expect(button).toMatch(/\sdisabled=""/);
    // The email field itself is there to type into while the chunk hydrates.
    expect(html).toMatch(/<input[^>]*name="email"(?![^>]*disabled)[^>]*>/);
  });
});
