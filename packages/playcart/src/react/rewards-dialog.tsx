"use client";

// The rewards panel, loaded when the launcher opens it: points, every reward held (with expiry
// and where it applies), ways to earn, the next reward, tier progress and the referral link.
// A modal <dialog>: focus moves in, Escape closes, focus returns to the launcher.
import { useEffect, useId, useRef, useState } from "react";
import type { RewardsPanelData } from "../rewards/index.ts";
import { IncentiveNotice } from "./incentive-notice.tsx";
import { ReferralShare } from "./referral-share.tsx";

export type RewardsDialogProps = { endpoint: string; joinHref?: string; onClose: () => void };

type Load = { status: "loading" } | { status: "error" } | { status: "ready"; data: RewardsPanelData };

export function RewardsDialog({ endpoint, joinHref, onClose }: RewardsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useId();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  // Closed before it unmounts: while a modal dialog is open the page behind it is inert, and
  // the launcher could not take focus back.
  const close = () => {
    dialog.current?.close();
    onClose();
  };
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    let live = true;
    fetch(endpoint, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        return (await res.json()) as RewardsPanelData;
      })
      .then((data) => live && setLoad({ status: "ready", data }))
      .catch(() => live && setLoad({ status: "error" }));
    return () => {
      live = false;
    };
  }, [endpoint]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={title}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      className="playcart-rewards-dialog"
    >
      <div className="playcart-rewards-dialog-head">
        <h2 id={title} className="playcart-heading playcart-rewards-dialog-title">
          Your rewards
        </h2>
        <button type="button" onClick={close} className="playcart-rewards-dialog-close">
          Close
        </button>
      </div>
      <div aria-live="polite" aria-busy={load.status === "loading"}>
        {load.status === "loading" && <p className="playcart-small">Loading your rewards…</p>}
        {load.status === "error" && <p className="playcart-small">Your rewards could not be loaded. Try again.</p>}
        {load.status === "ready" && <PanelBody data={load.data} joinHref={joinHref} />}
      </div>
    </dialog>
  );
}

function PanelBody({ data, joinHref }: { data: RewardsPanelData; joinHref?: string }) {
  return (
    <>
      <section aria-label="Points" className="playcart-rewards-dialog-section">
        <p className="playcart-rewards-dialog-points" data-testid="panel-points">
          <strong>{data.points?.balance ?? 0}</strong> points
          {data.points ? ` (worth ${data.points.worth})` : ""}
          {data.points && data.points.held > 0 ? `, ${data.points.held} on hold` : ""}
        </p>
        {data.points && data.points.pendingLines.length + data.points.expiryLines.length > 0 && (
          <ul className="playcart-small playcart-rewards-dialog-lots" data-testid="panel-point-lots">
            {data.points.pendingLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {data.points.expiryLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {data.enoughFor && <p className="playcart-small">{data.enoughFor}.</p>}
        {data.nextReward && (
          <p className="playcart-small" data-testid="panel-next-reward">
            {data.nextReward.text}.
          </p>
        )}
        {data.tier && (
          <div className="playcart-rewards-dialog-tier">
            <p className="playcart-small">Tier: {data.tier.label}</p>
            <div
              role="progressbar"
              aria-label={data.tier.next ? `Progress to ${data.tier.next}` : `${data.tier.label}, the top tier`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={data.tier.percent}
              className="playcart-tier-track"
            >
              <div className="playcart-tier-fill" style={{ width: `${data.tier.percent}%` }} />
            </div>
            <p className="playcart-small">{data.tier.text}.</p>
          </div>
        )}
      </section>
      <section aria-labelledby="playcart-rewards-dialog-held" className="playcart-rewards-dialog-section">
        <h3 id="playcart-rewards-dialog-held" className="playcart-rewards-dialog-subtitle">
          Rewards you hold
        </h3>
        {data.rewards.length === 0 ? (
          <p className="playcart-small">None yet. Play at checkout or spend your points to get one.</p>
        ) : (
          <ul className="playcart-rewards-dialog-rewards" data-testid="panel-rewards">
            {data.rewards.map((r) => (
              <li key={r.id} className="playcart-rewards-dialog-reward">
                <p className="playcart-rewards-dialog-reward-label">{r.label}</p>
                <p className="playcart-small">
                  {r.value} · {r.where}
                  {r.source ? ` · ${r.source}` : ""}
                </p>
                <p className="playcart-small">
                  {r.status === "reserved" ? "On an order being paid" : r.expires} · Applied at checkout
                  {r.rulesHref && (
                    <>
                      {" · "}
                      <a href={r.rulesHref} className="playcart-link">
                        Rules it was played under
                      </a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="playcart-rewards-dialog-earn" className="playcart-rewards-dialog-section">
        <h3 id="playcart-rewards-dialog-earn" className="playcart-rewards-dialog-subtitle">
          Ways to earn
        </h3>
        <ul className="playcart-rewards-dialog-earn">
          {data.waysToEarn.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="playcart-rewards-dialog-refer" className="playcart-rewards-dialog-section">
        <h3 id="playcart-rewards-dialog-refer" className="playcart-rewards-dialog-subtitle">
          Refer a friend
        </h3>
        {data.referral ? (
          <ReferralShare url={data.referral.url} text={data.referral.shareText} reportTo={data.referral.reportTo} />
        ) : (
          <p className="playcart-small">
            {joinHref ? (
              <a href={joinHref} className="playcart-link">
                Sign in or join
              </a>
            ) : (
              "Sign in"
            )}{" "}
            to get your own link, keep your points in one place and see them on any device. Guests earn points on every
            order too.
          </p>
        )}
        {data.notice && <IncentiveNotice notice={data.notice} className="playcart-small" />}
      </section>
    </>
  );
}
