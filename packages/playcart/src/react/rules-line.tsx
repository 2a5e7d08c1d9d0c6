// Beside every game, before it is played: the link to its official rules and its significant
// conditions in one line (UK CAP Code 8.17). Renders nothing for an offer without rules.
import type { OfferRules } from "../client.ts";

export function RulesLink({ rules }: { rules?: OfferRules }) {
  if (!rules) return null;
  return (
    <a href={rules.href} className="playcart-link">
      Official rules
    </a>
  );
}

export function ConditionsLine({ rules }: { rules?: OfferRules }) {
  if (!rules) return null;
  return <p className="playcart-conditions">{rules.conditions}</p>;
}
