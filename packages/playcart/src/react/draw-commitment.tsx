// The line a game shows before it is played: the hash of the seed today's plays are drawn
// from, linking to the campaign's public list of commitments and revealed seeds.
import type { GameCommitment } from "../client.ts";
import { shortHash } from "./game-types.ts";

export function DrawCommitment({ commitment, href }: { commitment: GameCommitment; href: string }) {
  return (
    <p className="playcart-commitment">
      <a href={href} className="playcart-link">
        Draw commitment
      </a>
      {/* One string: each JSX expression would be a text node of its own for the page to lay out. */}
      {` for ${commitment.period}: `}
      <code title={commitment.commitment} data-commitment={commitment.commitment}>
        {shortHash(commitment.commitment)}
      </code>
    </p>
  );
}
