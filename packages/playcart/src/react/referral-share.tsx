"use client";

// A referral link: the link itself (selectable) and the share buttons.
import { useId } from "react";
import { ShareButtons } from "./share-buttons.tsx";

export function ReferralShare({ url, text, reportTo }: { url: string; text: string; reportTo?: string }) {
  const input = useId();
  return (
    <div className="playcart-referral">
      <label htmlFor={input} className="playcart-small">
        Your referral link
      </label>
      <input id={input} readOnly value={url} className="playcart-referral-link" data-testid="referral-link" />
      <ShareButtons url={url} text={text} title="My referral link" label="Share your link" reportTo={reportTo} />
    </div>
  );
}
