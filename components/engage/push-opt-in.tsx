"use client";

// Web-push opt-in. The browser's permission prompt appears only after this button is
// pressed (a user gesture), never on page load.
import { useState } from "react";

const toKey = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

export function PushOptIn({ vapidPublicKey }: { vapidPublicKey: string }) {
  const [state, setState] = useState<"idle" | "done" | "denied" | "unsupported" | "error">("idle");
  if (typeof window !== "undefined" && !("serviceWorker" in navigator && "PushManager" in window)) return null;

  async function subscribe() {
    try {
      if ((await Notification.requestPermission()) !== "granted") return setState("denied");
      const reg = await navigator.serviceWorker.register("/sw.js");
      const sub = await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: toKey(vapidPublicKey),
      });
      const res = await fetch("/api/push/subscribe", {
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
    <div className="mt-4 text-sm" aria-live="polite">
      {state === "idle" ? (
        <button type="button" onClick={subscribe} className="underline underline-offset-2">
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
