// A stamp card: one circle per stamp, filled as they are earned. Purely presentational. The
// count is the ledger's: stamps beyond a full card are said, never dropped.
import type { ReactNode } from "react";

export type StampCardProps = {
  name: string;
  stamps: number;
  required: number;
  /** What a full card earns, in words ("the Regular badge"). */
  reward?: string;
  /** Share buttons for the card (the account page passes the referral link's). */
  share?: ReactNode;
};

export function StampCard({ name, stamps, required, reward, share }: StampCardProps) {
  const filled = Math.min(stamps, required);
  const extra = stamps - filled;
  return (
    // A group (a fieldset) named after the card, so a shopper with several cards (and assistive
    // technology) can tell them apart; a group, not a region, so the page's landmarks stay its
    // sections. min-width 0 (in the stylesheet): a fieldset would otherwise not shrink below its content.
    <fieldset aria-label={name} className="playcart-stamp-card">
      <div className="playcart-stamp-head">
        <h3 className="playcart-stamp-name">{name}</h3>
        <p className="playcart-small" data-testid="stamp-progress">
          {stamps} of {required} stamps
        </p>
      </div>
      <ol className="playcart-stamps" aria-label={`${stamps} of ${required} stamps collected`}>
        {Array.from({ length: required }, (_, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a card's stamp slots are positions, never reordered
            key={i}
            aria-hidden="true"
            className="playcart-stamp"
            data-filled={i < filled ? "" : undefined}
          >
            ★
          </li>
        ))}
      </ol>
      {reward && (
        <p className="playcart-small playcart-stamp-reward">
          {stamps >= required ? `Complete: ${reward} earned!` : `Fill the card to earn ${reward}.`}
        </p>
      )}
      {extra > 0 && (
        <p className="playcart-small" data-testid="stamp-extra">
          {extra} more {extra === 1 ? "stamp" : "stamps"} beyond a full card.
        </p>
      )}
      {share}
    </fieldset>
  );
}
