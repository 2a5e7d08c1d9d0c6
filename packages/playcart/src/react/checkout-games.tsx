"use client";

// The checkout's slot for Playcart. Plays go to the JSON play route unless the host passes
// `play`. A first-order game the store cannot judge yet (no email) shows its email step first;
// the game is fetched while the shopper types, so Play does not wait for it.
// The offer card and the email step come with the slot rather than as chunks of their own: the
// server renders one of them nearly always, and a lazy one was fetched only when hydration
// reached it, one more round trip before its button worked (and a second hydration pass; on a
// server's first render, the card was streamed after the page and revealed later).
import { useRouter } from "next/navigation.js";
import { useEffect, useRef, useState, useTransition } from "react";
import { EmailStep, type EmailVerdict } from "./email-step.tsx";
import { preloadOnceEngaged } from "./game-chunks.ts";
import { GameLauncher, type GameLauncherProps } from "./game-launcher.tsx";
import { defaultOddsHref } from "./game-types.ts";
import { hydratedAfterPage } from "./hydrate-after-page.tsx";

export type CheckoutGamesProps = GameLauncherProps & {
  /**
   * The offer is a first-order game and the server does not know the shopper's email
   * (view.emailFirst): ask for it first, at `endpoint` (view.ui.identifyEndpoint), with the
   * reminder checkbox's wording (view.ui.consentWording) and the notice of financial incentive
   * (view.incentiveNotice). Null or absent: no email step.
   */
  emailStep?: {
    endpoint: string;
    consentWording: string;
    notice?: { text: string; href: string; linkText: string } | null;
  } | null;
};

/**
 * The checkout's game slot. Server components pass `playEndpoint` (a string); client code may
 * pass `play`. Hydrated after the host's page (hydratedAfterPage).
 */
export const CheckoutGames = hydratedAfterPage(CheckoutGamesNow);

function CheckoutGamesNow({ emailStep, ...props }: CheckoutGamesProps) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  // The campaign the email was given for, and what the server said about it.
  const [given, setGiven] = useState<{ campaignId: string; message: string } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const { offer } = props;
  // Until the refreshed checkout arrives, the offer that asked is not shown again.
  const waiting = Boolean(emailStep && offer && given?.campaignId === offer.campaignId);
  const asking = emailStep && offer ? offer.gameType : null;

  // While the email step shows, the game's chunk comes when the browser is idle once the shopper uses the page (typing the email does).
  useEffect(() => (asking ? preloadOnceEngaged(asking) : undefined), [asking]);

  useEffect(() => {
    if (given) notice.current?.focus();
  }, [given]);

  function identified(verdict: EmailVerdict, email: string) {
    setGiven({
      campaignId: offer!.campaignId,
      message: verdict.message ?? `Thanks! The game is yours to play with ${email}.`,
    });
    // The server now knows who is shopping: the offer, the totals and the form's email follow.
    startTransition(() => router.refresh());
  }

  return (
    <>
      {given && (
        <p ref={notice} tabIndex={-1} role="status" className="playcart-notice">
          {given.message}
        </p>
      )}
      {emailStep && offer && !given ? (
        <EmailStep
          offer={offer}
          endpoint={emailStep.endpoint}
          consentWording={emailStep.consentWording}
          notice={emailStep.notice}
          oddsHref={props.oddsHref ?? defaultOddsHref(offer.slug)}
          onIdentified={identified}
        />
      ) : waiting ? null : (
        <GameLauncher {...props} />
      )}
    </>
  );
}
