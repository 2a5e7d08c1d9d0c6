// A stamp card: one circle per stamp, filled as they are earned. Purely presentational.
export function StampCard({
  name,
  stamps,
  required,
  reward,
}: {
  name: string;
  stamps: number;
  required: number;
  reward?: string;
}) {
  const shown = Math.min(stamps, required);
  return (
    // A group (a fieldset) named after the card, so a shopper with several cards (and assistive
    // technology) can tell them apart; a group, not a region, so the page's landmarks stay its
    // sections. min-w-0: a fieldset would otherwise not shrink below its content.
    <fieldset aria-label={name} className="min-w-0 rounded-2xl border border-amber-200 bg-amber-50 p-5">
      <div className="flex items-baseline justify-between">
        <h3 className="font-medium">{name}</h3>
        <p className="text-sm text-stone-600" data-testid="stamp-progress">
          {shown} of {required} stamps
        </p>
      </div>
      <ol className="mt-3 flex flex-wrap gap-2" aria-label={`${shown} of ${required} stamps collected`}>
        {Array.from({ length: required }, (_, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a card's stamp slots are positions, never reordered
            key={i}
            aria-hidden="true"
            className={`grid size-9 place-items-center rounded-full border-2 text-lg ${i < shown ? "border-amber-600 bg-amber-400 text-amber-950" : "border-dashed border-amber-300 text-transparent"}`}
          >
            ★
          </li>
        ))}
      </ol>
      {reward && (
        <p className="mt-2 text-sm text-stone-600">
          {shown >= required ? `Complete: ${reward} earned!` : `Fill the card to earn ${reward}.`}
        </p>
      )}
    </fieldset>
  );
}
