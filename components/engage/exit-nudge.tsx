"use client";

import type { GameOffer, PlayOutcome, PlayRequest } from "playcart/client";
// The exit nudge: a dialog shown once per session when the shopper is about to leave
// checkout. It may carry a comeback game. Focus moves into it, Escape closes it.
import { useEffect, useId, useRef } from "react";
import { GameLauncher } from "./game-launcher";
import { PushOptIn } from "./push-opt-in";

export type NudgeProps = {
  offer: GameOffer | null;
  play: (req: PlayRequest) => Promise<PlayOutcome>;
  onClose: () => void;
  onContinue: () => void;
  vapidPublicKey?: string | null;
};

export function ExitNudge({ offer, play, onClose, onContinue, vapidPublicKey }: NudgeProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const title = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first focusable element; the main action is the better start.
    primary.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-2xl p-6 shadow-xl backdrop:bg-stone-900/40 motion-safe:animate-[fade-in_200ms_ease-out]"
    >
      <h2 id={title} className="font-display text-2xl font-semibold text-stone-900">
        Before you go…
      </h2>
      <p className="mt-2 text-stone-700">
        Your cart is saved.{" "}
        {offer ? "Scratch to reveal a reward for this order." : "Finish your order now and it ships with your points."}
      </p>
      {offer ? (
        <div className="mt-4">
          <GameLauncher offer={offer} play={play} oddsHref={`/odds/${offer.slug}`} />
        </div>
      ) : null}
      {vapidPublicKey ? <PushOptIn vapidPublicKey={vapidPublicKey} /> : null}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          onClick={onClose}
          className="rounded-full px-4 py-2 text-stone-700 underline underline-offset-2 hover:text-stone-900"
        >
          No thanks
        </button>
        <button
          type="button"
          ref={primary}
          onClick={onContinue}
          className="rounded-full bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Finish my order
        </button>
      </div>
    </dialog>
  );
}
