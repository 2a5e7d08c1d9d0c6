"use client";

// Share something worth sharing (a referral link, a badge, a stamp card): the device's share
// sheet (Web Share API) where the browser has one, Copy link (the clipboard), and plain links
// to the main networks, which work without script. Each use is reported to `reportTo` (the
// referral participation KPI) when given; a failed report never gets in the shopper's way.
import { useEffect, useState } from "react";

export type ShareButtonsProps = {
  /** The absolute URL shared, at the store's public origin. */
  url: string;
  /** The text that goes with it. */
  text: string;
  title?: string;
  /** Names the group for assistive technology ("Share your link"). */
  label: string;
  /** Playcart's share route (`<basePath>/shared`) for signed-in customers; omit to report nothing. */
  reportTo?: string;
};

const networks = (url: string, text: string, title: string) => {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(text);
  return [
    { channel: "x", name: "X", href: `https://twitter.com/intent/tweet?text=${t}&url=${u}` },
    { channel: "facebook", name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { channel: "whatsapp", name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
    {
      channel: "email",
      name: "Email",
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${text}\n\n${url}`)}`,
    },
  ] as const;
};

export function ShareButtons({ url, text, title = text, label, reportTo }: ShareButtonsProps) {
  const [status, setStatus] = useState("");
  const [canShare, setCanShare] = useState(false);
  // Known only in the browser: rendered after mount, so server and client markup agree.
  useEffect(() => setCanShare(typeof navigator.share === "function"), []);
  const report = (channel: string) => {
    if (!reportTo) return;
    fetch(reportTo, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel }),
      keepalive: true,
    }).catch(() => {});
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
      report("copy");
    } catch {
      setStatus("Copying is blocked here: select the link and copy it.");
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title, text, url });
      setStatus("Shared.");
      report("share");
    } catch {
      // The shopper closed the share sheet: nothing to say.
    }
  };
  return (
    <fieldset aria-label={label} className="playcart-share">
      <div className="playcart-share-actions">
        {canShare && (
          <button type="button" onClick={share} className="playcart-button playcart-button-small">
            Share
          </button>
        )}
        <button type="button" onClick={copy} className="playcart-button playcart-button-small">
          Copy link
        </button>
        {networks(url, text, title).map((n) => (
          <a
            key={n.channel}
            href={n.href}
            target="_blank"
            rel="noopener noreferrer"
            className="playcart-share-link"
            onClick={() => report(n.channel)}
          >
            {n.name}
            <span className="playcart-sr-only"> (opens a new tab)</span>
          </a>
        ))}
      </div>
      <p role="status" className="playcart-small">
        {status}
      </p>
    </fieldset>
  );
}
