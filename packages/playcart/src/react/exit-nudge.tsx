"use client";

// The exit nudge: a dialog shown once per session when the shopper is about to leave
// checkout. It may carry a comeback game. Focus moves into it, Escape closes it.
import { useEffect, useId, useRef } from "react";
import type { GameOffer } from "../client.ts";
import { GameLauncher } from "./game-launcher.tsx";
import type { PlayFn } from "./game-types.ts";
import { PushOptIn } from "./push-opt-in.tsx";

export type NudgeProps = {
  offer: GameOffer | null;
  play?: PlayFn;
  playEndpoint?: string;
  onClose: () => void;
  onContinue: () => void;
  vapidPublicKey?: string | null;
  pushEndpoint?: string;
  serviceWorkerUrl?: string;
};

export function ExitNudge({
  offer,
  play,
  playEndpoint,
  onClose,
  onContinue,
  vapidPublicKey,
  pushEndpoint,
  serviceWorkerUrl,
}: NudgeProps) {
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
      className="playcart-nudge"
    >
      <h2 id={title} className="playcart-heading playcart-nudge-title">
        Before you go…
      </h2>
      <p className="playcart-nudge-text">
        Your cart is saved.{" "}
        {offer ? "Scratch to reveal a reward for this order." : "Finish your order now and it ships with your points."}
      </p>
      {offer ? (
        <div className="playcart-nudge-game">
          <GameLauncher offer={offer} play={play} playEndpoint={playEndpoint} />
        </div>
      ) : null}
      {vapidPublicKey ? (
        <PushOptIn vapidPublicKey={vapidPublicKey} endpoint={pushEndpoint} serviceWorkerUrl={serviceWorkerUrl} />
      ) : null}
      <div className="playcart-nudge-actions">
        <button type="button" onClick={onClose} className="playcart-nudge-decline">
          No thanks
        </button>
        <button type="button" ref={primary} onClick={onContinue} className="playcart-nudge-primary">
          Finish my order
        </button>
      </div>
    </dialog>
  );
}
