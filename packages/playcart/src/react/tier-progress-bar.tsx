// The shopper's tier and the way to the next one. Server-rendered: no JavaScript.
import type { TierProgress } from "../loyalty/index.ts";

export type TierProgressBarProps = {
  progress: TierProgress;
  /** Formats an amount in minor units as the store shows money. */
  formatMoney: (minor: number) => string;
};

export function TierProgressBar({ progress, formatMoney }: TierProgressBarProps) {
  const { current, next, percent } = progress;
  return (
    <section aria-labelledby="tier-heading" className="playcart-tier">
      <div className="playcart-tier-head">
        <h2 id="tier-heading" className="playcart-tier-title">
          Your tier: <span data-testid="tier-current">{current.label}</span>
        </h2>
        {next && <span className="playcart-small">Next: {next.label}</span>}
      </div>
      <div
        role="progressbar"
        aria-label={next ? `Progress to ${next.label}` : `${current.label}, the top tier`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="playcart-tier-track"
      >
        <div className="playcart-tier-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="playcart-small playcart-tier-next" data-testid="tier-next">
        {next
          ? `Spend ${formatMoney(progress.remainingMinor)} more to reach ${next.label}.`
          : `You are at our top tier. Thank you!`}{" "}
        <span className="playcart-subtle">
          ({formatMoney(progress.trailingSpendMinor)} spent in the last {progress.windowDays} days)
        </span>
      </p>
    </section>
  );
}
