// A campaign's budget at a glance: spent and left of the total and of today's budget, as a
// bar and in words (the words are what a screen reader hears). Used by the campaign list and
// the editor; the figures come from the counters the plays keep (games/budget.ts).
import type { BudgetMeter as Meter } from "../../client.ts";
import { money } from "../format.ts";

function Bar({ label, spent, total, currency }: { label: string; spent: number; total: number; currency: string }) {
  const words = `${label}: ${money(spent, currency)} of ${money(total, currency)} spent, ${money(Math.max(0, total - spent), currency)} left`;
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-tiny playcart-admin-num">{words}</p>
      <meter
        className="playcart-admin-meter"
        min={0}
        max={total}
        low={total * 0.75}
        high={total * 0.9}
        optimum={0}
        value={Math.min(spent, total)}
        aria-label={words}
      />
    </div>
  );
}

export function BudgetMeter({ meter, currency }: { meter: Meter | null; currency: string }) {
  if (!meter || (meter.totalMinor === null && meter.dailyMinor === null))
    return <span className="playcart-admin-muted">No budget</span>;
  return (
    <div className="playcart-admin-stack-sm" data-testid="budget-meter">
      {meter.totalMinor !== null && (
        <Bar label="Total" spent={meter.spentMinor} total={meter.totalMinor} currency={currency} />
      )}
      {meter.dailyMinor !== null && (
        <Bar label="Today" spent={meter.todaySpentMinor} total={meter.dailyMinor} currency={currency} />
      )}
    </div>
  );
}
