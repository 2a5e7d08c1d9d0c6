// A stamp card: one circle per stamp, filled as they are earned. Purely presentational.
export type StampCardProps = {
  name: string;
  stamps: number;
  required: number;
  /** What a full card earns, in words ("the Regular badge"). */
  reward?: string;
};

export function StampCard({ name, stamps, required, reward }: StampCardProps) {
  const shown = Math.min(stamps, required);
  return (
    // A group (a fieldset) named after the card, so a shopper with several cards (and assistive
    // technology) can tell them apart; a group, not a region, so the page's landmarks stay its
    // sections. min-width 0 (in the stylesheet): a fieldset would otherwise not shrink below its content.
    <fieldset aria-label={name} className="playcart-stamp-card">
      <div className="playcart-stamp-head">
        <h3 className="playcart-stamp-name">{name}</h3>
        <p className="playcart-small" data-testid="stamp-progress">
          {shown} of {required} stamps
        </p>
      </div>
      <ol className="playcart-stamps" aria-label={`${shown} of ${required} stamps collected`}>
        {Array.from({ length: required }, (_, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a card's stamp slots are positions, never reordered
            key={i}
            aria-hidden="true"
            className="playcart-stamp"
            data-filled={i < shown ? "" : undefined}
          >
            ★
          </li>
        ))}
      </ol>
      {reward && (
        <p className="playcart-small playcart-stamp-reward">
          {shown >= required ? `Complete: ${reward} earned!` : `Fill the card to earn ${reward}.`}
        </p>
      )}
    </fieldset>
  );
}
