// A play's receipt under its result: which seed drew it (by its published hash), the play's id
// and draw number, and a link that verifies it once the seed is revealed.
import type { PlayReceipt } from "../client.ts";
import { defaultVerifyHref, shortHash } from "./game-types.ts";

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function DrawReceiptNote({ receipt }: { receipt: PlayReceipt }) {
  return (
    <div className="playcart-receipt" data-receipt={receipt.text}>
      <p className="playcart-receipt-title">Draw receipt</p>
      <dl className="playcart-receipt-fields">
        <dt>Play</dt>
        <dd>
          <code>{receipt.playId}</code>
          {receipt.attempt > 1 ? ` (draw ${receipt.attempt})` : ""}
        </dd>
        <dt>Seed of</dt>
        <dd>{receipt.period}</dd>
        <dt>Commitment</dt>
        <dd>
          <code title={receipt.commitment}>{shortHash(receipt.commitment)}</code>
        </dd>
      </dl>
      <p className="playcart-receipt-when">Checkable once the seed is revealed, {when(receipt.revealsAt)}.</p>
      <a href={receipt.verifyHref ?? defaultVerifyHref(receipt.text)} className="playcart-link">
        Verify this draw
      </a>
    </div>
  );
}
