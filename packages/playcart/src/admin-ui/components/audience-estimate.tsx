"use client";

// "About 340 customers match today", asked of the server a moment after the audience last
// changed (the server counts real customers; the browser only shows its answer).
import { useEffect, useRef, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";

const WAIT_MS = 400;

export function AudienceEstimate({ audience }: { audience: unknown }) {
  const estimate = useAdminAction("estimateAudience");
  const [text, setText] = useState<{ message: string; error: boolean } | null>(null);
  const latest = useRef(0);
  const json = JSON.stringify(audience ?? true);
  useEffect(() => {
    const asked = ++latest.current;
    const timer = setTimeout(async () => {
      const form = new FormData();
      form.set("audience", json);
      try {
        const state = await estimate(idle, form);
        // An answer to an audience edited since is dropped.
        if (asked === latest.current)
          setText({ message: state.message ?? "No estimate.", error: state.status !== "ok" });
      } catch {
        if (asked === latest.current) setText({ message: "The estimate is unavailable just now.", error: true });
      }
    }, WAIT_MS);
    return () => clearTimeout(timer);
  }, [json, estimate]);
  return (
    <p
      role="status"
      aria-live="polite"
      className={`playcart-admin-small ${text?.error ? "playcart-admin-muted" : "playcart-admin-strong"}`}
    >
      {text ? text.message : "Counting customers…"}
    </p>
  );
}
