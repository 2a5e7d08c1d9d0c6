"use client";

// The free method of entry: an email, and the server draws a free play of the campaign with the
// same prizes and odds as a play at checkout. The result is announced with its draw's receipt;
// any prize is kept for that email address.
import { type FormEvent, useId, useState } from "react";
import type { PlayOutcome } from "../client.ts";
import { DrawReceiptNote } from "./draw-receipt.tsx";
import { nonce } from "./game-types.ts";
import { prizeNoun, type Wording, wonWords } from "./won-words.ts";

export const DEFAULT_FREE_ENTRY_ENDPOINT = "/api/playcart/free-entry";

export type FreeEntryFormProps = {
  slug: string;
  /** The free entry route (default /api/playcart/free-entry). */
  endpoint?: string;
  wording?: Wording;
};

export function FreeEntryForm({ slug, endpoint = DEFAULT_FREE_ENTRY_ENDPOINT, wording = "win" }: FreeEntryFormProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PlayOutcome | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    setBusy(true);
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug, email, requestId: nonce() }),
      });
      setOutcome((await res.json()) as PlayOutcome);
    } catch {
      setOutcome({ status: "error", code: "network", message: "We could not reach the store. Try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="playcart-free-entry" noValidate>
      <label htmlFor={`${id}-email`} className="playcart-heading">
        Your email address
      </label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        aria-describedby={`${id}-hint`}
        className="playcart-email-input"
      />
      <p id={`${id}-hint`} className="playcart-conditions">
        One free play per email address each time the game opens. Any {prizeNoun(wording)} is kept for this address:
        sign in with it to use it.
      </p>
      <button type="submit" className="playcart-button" disabled={busy}>
        {busy ? "Drawing…" : "Play free"}
      </button>
      <div role="status" aria-live="polite" className="playcart-result-live">
        {outcome?.status === "ok" && (
          <p className="playcart-result-title">
            {outcome.won && outcome.reward
              ? wonWords(wording, outcome.reward.label)
              : `${outcome.label}. Thanks for playing!`}
          </p>
        )}
      </div>
      {outcome?.status === "ok" && outcome.receipt && <DrawReceiptNote receipt={outcome.receipt} />}
      <p role="alert" className="playcart-alert">
        {outcome?.status === "error" ? outcome.message : null}
      </p>
    </form>
  );
}
