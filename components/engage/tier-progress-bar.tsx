// The shopper's tier and the way to the next one. Server-rendered: no JavaScript.
import type { TierProgress } from "playcart";

export function TierProgressBar({
  progress,
  formatMoney,
}: {
  progress: TierProgress;
  formatMoney: (minor: number) => string;
}) {
  const { current, next, percent } = progress;
  return (
    <section aria-labelledby="tier-heading" className="rounded-2xl border border-stone-200 bg-white p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="tier-heading" className="text-lg font-medium">
          Your tier:{" "}
          <span className="font-semibold" data-testid="tier-current">
            {current.label}
          </span>
        </h2>
        {next && <span className="text-sm text-stone-600">Next: {next.label}</span>}
      </div>
      <div
        role="progressbar"
        aria-label={next ? `Progress to ${next.label}` : `${current.label}, the top tier`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-3 h-3 overflow-hidden rounded-full bg-stone-100"
      >
        <div
          className="h-full rounded-full bg-linear-to-r from-amber-400 to-rose-500 motion-safe:transition-[width] motion-safe:duration-700"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-stone-600" data-testid="tier-next">
        {next
          ? `Spend ${formatMoney(progress.remainingMinor)} more to reach ${next.label}.`
          : `You are at our top tier. Thank you!`}{" "}
        <span className="text-stone-500">
          ({formatMoney(progress.trailingSpendMinor)} spent in the last {progress.windowDays} days)
        </span>
      </p>
    </section>
  );
}
