"use client";

// A first-order game's first step, when the store does not know who is shopping: the email
// (and, only if ticked, consent to reminders), sent to Playcart's identify route. The server
// then judges whether the game is this person's; the checkout is refreshed with its answer.
// Part of the checkout slot's chunk (see checkout-games.tsx), so its button works once the page has hydrated.
import { type FormEvent, useId, useRef, useState } from "react";
import type { GameOffer } from "../client.ts";
import { useEnabledWhenHydrated } from "./enabled-when-hydrated.ts";
import { GameIcon } from "./game-icon.tsx";
import { IncentiveNotice } from "./incentive-notice.tsx";
import { ConditionsLine, RulesLink } from "./rules-line.tsx";

export type EmailVerdict = { firstOrder: boolean; message: string | null };

export type EmailStepProps = {
  offer: GameOffer;
  /** Playcart's identify route (view.ui.identifyEndpoint). */
  endpoint: string;
  /** The reminder checkbox's exact wording (view.ui.consentWording): it is stored with the consent. */
  consentWording: string;
  oddsHref: string;
  /** The notice of financial incentive (view.incentiveNotice): giving an email here joins the programme. */
  notice?: { text: string; href: string; linkText: string } | null;
  onIdentified: (verdict: EmailVerdict, email: string) => void;
};

export function EmailStep({ offer, endpoint, consentWording, oddsHref, notice, onIdentified }: EmailStepProps) {
  const ids = { heading: useId(), email: useId(), hint: useId(), error: useId() };
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Its chunk loads lazily: until React has hydrated it, Continue would submit the form natively
  // (a reload that loses the email), so it stays disabled and Enter in the field submits nothing.
  const submitButton = useRef<HTMLButtonElement>(null);
  const enabledWhenHydrated = useEnabledWhenHydrated(submitButton, busy);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email, consent: form.get("consent") === "on" }),
      });
      const body = (await res.json()) as ({ status: "ok" } & EmailVerdict) | { status: "error"; message: string };
      if (body.status === "ok") return onIdentified(body, email);
      setError(body.message);
    } catch {
      setError("We could not reach the store. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
    input.current?.focus();
  }

  return (
    <section aria-labelledby={ids.heading} className="playcart-launcher playcart-email-step">
      <div className="playcart-launcher-head">
        <GameIcon type={offer.gameType} />
        <div className="playcart-launcher-text">
          <h2 id={ids.heading} className="playcart-heading playcart-launcher-title">
            {offer.name}
          </h2>
          <p id={ids.hint} className="playcart-launcher-scope">
            This game is for first orders. Enter your email to play: we check it before you spin.
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate className="playcart-email-form">
        <label htmlFor={ids.email} className="playcart-email-label">
          Your email
        </label>
        <input
          ref={input}
          id={ids.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
          className="playcart-email-input"
        />
        <label className="playcart-consent">
          <input type="checkbox" name="consent" /> {consentWording}
        </label>
        {notice && <IncentiveNotice notice={notice} />}
        <div className="playcart-launcher-actions">
          <button ref={submitButton} type="submit" className="playcart-button" {...enabledWhenHydrated}>
            {busy ? "Checking…" : "Continue"}
          </button>
          <a href={oddsHref} className="playcart-link">
            See the odds
          </a>
          <RulesLink rules={offer.rules} />
        </div>
        <ConditionsLine rules={offer.rules} />
      </form>
      <p id={ids.error} role="alert" className="playcart-alert">
        {error}
      </p>
    </section>
  );
}
