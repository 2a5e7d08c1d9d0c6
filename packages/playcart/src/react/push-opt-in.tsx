"use client";

// Web-push opt-in. The browser's permission prompt appears only after this button is
// pressed (a user gesture), never on page load.
import { useState } from "react";

/** Where the subscription is posted unless the host mounts Playcart's routes elsewhere. */
export const DEFAULT_PUSH_ENDPOINT = "/api/playcart/push";

const toKey = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

export type PushOptInProps = {
  vapidPublicKey: string;
  /** Receives the subscription as JSON (default /api/playcart/push/subscribe). */
  endpoint?: string;
  /** The service worker that shows the notifications (default /sw.js). */
  serviceWorkerUrl?: string;
};

export function PushOptIn({
  vapidPublicKey,
  endpoint = DEFAULT_PUSH_ENDPOINT,
  serviceWorkerUrl = "/sw.js",
}: PushOptInProps) {
  const [state, setState] = useState<"idle" | "done" | "denied" | "unsupported" | "error">("idle");
  if (typeof window !== "undefined" && !("serviceWorker" in navigator && "PushManager" in window)) return null;

  async function subscribe() {
    try {
      if ((await Notification.requestPermission()) !== "granted") return setState("denied");
      const reg = await navigator.serviceWorker.register(serviceWorkerUrl);
      const sub = await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: toKey(vapidPublicKey),
      });
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sub.toJSON()),
      });
      setState(res.ok ? "done" : "error");
    } catch {
      setState("error");
    }
  }

  return (
    <div className="playcart-push" aria-live="polite">
      {state === "idle" ? (
        <button type="button" onClick={subscribe}>
          Notify me on this device about my cart
        </button>
      ) : (
        <p>
          {state === "done"
            ? "We will notify you on this device."
            : state === "denied"
              ? "Notifications are blocked in this browser."
              : "Notifications could not be turned on."}
        </p>
      )}
    </div>
  );
}
