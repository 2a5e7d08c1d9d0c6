// The shopper's rewards at a glance: their tier and the points catalog. Server-renderable
// (only the catalog's form is a client component); the host supplies the data and the action.
import { RewardCatalog, type RewardCatalogProps } from "./reward-catalog.tsx";
import { TierProgressBar, type TierProgressBarProps } from "./tier-progress-bar.tsx";

export type RewardsPanelProps = TierProgressBarProps & RewardCatalogProps;

export function RewardsPanel({ progress, formatMoney, items, balance, owned, buy }: RewardsPanelProps) {
  return (
    <div className="playcart-rewards">
      <TierProgressBar progress={progress} formatMoney={formatMoney} />
      <RewardCatalog items={items} balance={balance} owned={owned} buy={buy} />
    </div>
  );
}
