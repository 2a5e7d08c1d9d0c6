"use client";

// A referral link with Copy (the clipboard) and Share (the Web Share API, where the browser has it).
import { useEffect, useId, useState } from "react";

export function ReferralShare({ url, text }: { url: string; text: string }) {
  const input = useId();
  const [status, setStatus] = useState("");
  const [canShare, setCanShare] = useState(false);
  // Known only in the browser: rendered after mount, so server and client markup agree.
  useEffect(() => setCanShare(typeof navigator.share === "function"), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      setStatus("Copying is blocked here: select the link and copy it.");
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: "My referral link", text, url });
    } catch {
      // The shopper closed the share sheet: nothing to say.
    }
  };
  return (
    <div className="playcart-referral">
      <label htmlFor={input} className="playcart-small">
        Your referral link
      </label>
      <input id={input} readOnly value={url} className="playcart-referral-link" onFocus={(e) => e.target.select()} />
      <div className="playcart-referral-actions">
        <button type="button" onClick={copy} className="playcart-button playcart-button-small">
          Copy link
        </button>
        {canShare && (
          <button type="button" onClick={share} className="playcart-button playcart-button-small">
            Share
          </button>
        )}
      </div>
      <p role="status" className="playcart-small">
        {status}
      </p>
    </div>
  );
}
