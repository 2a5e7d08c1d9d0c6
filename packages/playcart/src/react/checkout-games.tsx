"use client";

// The checkout's slot for Playcart: the offer card is its own chunk, so a page that renders
// no slot ships none of it. Plays go to the JSON play route unless the host passes `play`.
// A first-order game the store cannot judge yet (no email) shows its email step first; the
// launcher and the game are fetched while the shopper types, so Play does not wait for them.
import { useRouter } from "next/navigation.js";
import { lazy, Suspense, useEffect, useRef, useState, useTransition } from "react";
import type { EmailVerdict } from "./email-step.tsx";
import type { GameLauncherProps } from "./game-launcher.tsx";
import { defaultOddsHref } from "./game-types.ts";
import { afterLoadWhenIdle } from "./when-idle.ts";

const Launcher = lazy(() => import("./game-launcher.tsx").then((m) => ({ default: m.GameLauncher })));
const EmailStep = lazy(() => import("./email-step.tsx").then((m) => ({ default: m.EmailStep })));

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

/** The checkout's game slot. Server components pass `playEndpoint` (a string); client code may pass `play`. */
export function CheckoutGames({ emailStep, ...props }: CheckoutGamesProps) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  // The campaign the email was given for, and what the server said about it.
  const [given, setGiven] = useState<{ campaignId: string; message: string } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const { offer } = props;
  // Until the refreshed checkout arrives, the offer that asked is not shown again.
  const waiting = Boolean(emailStep && offer && given?.campaignId === offer.campaignId);
  const asking = emailStep && offer ? offer.gameType : null;

  useEffect(() => {
    if (!asking) return;
    return afterLoadWhenIdle(() => {
      import("./game-launcher.tsx").catch(() => {});
      import("./game-chunks.ts").then((m) => m.preloadGame(asking)).catch(() => {});
    });
  }, [asking]);

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
      <Suspense fallback={null}>
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
          <Launcher {...props} />
        )}
      </Suspense>
    </>
  );
}
