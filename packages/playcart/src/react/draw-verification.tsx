// The verification page's report of a receipt (see games/verify-receipt.ts): the verdict in
// one sentence, then each check with what it found. No client code: a server page renders it.
import type { ReceiptVerdict } from "../games/index.ts";

const HEADLINE: Record<ReceiptVerdict["status"], string> = {
  verified: "Verified: this draw was fair",
  failed: "Verification failed",
  pending: "Not checkable yet",
};

const CHECK_NAMES: Record<ReceiptVerdict["checks"][number]["key"], string> = {
  receipt: "Receipt",
  commitment: "Commitment published",
  seed: "Seed matches commitment",
  outcome: "Outcome redrawn",
  record: "Store's record",
};

export function DrawVerification({ verdict }: { verdict: ReceiptVerdict }) {
  const { receipt } = verdict;
  return (
    <section className="playcart-verification" data-status={verdict.status} aria-labelledby="playcart-verdict">
      <h2 id="playcart-verdict" className="playcart-heading">
        {HEADLINE[verdict.status]}
      </h2>
      <p className="playcart-verification-reason">{verdict.reason}</p>
      {receipt && (
        <dl className="playcart-receipt-fields">
          <dt>Campaign</dt>
          <dd>{receipt.campaign}</dd>
          <dt>Period</dt>
          <dd>{receipt.period}</dd>
          <dt>Play</dt>
          <dd>
            <code>{receipt.playId}</code> (draw {receipt.attempt})
          </dd>
          <dt>Outcome</dt>
          <dd>{receipt.label}</dd>
          <dt>Commitment</dt>
          <dd>
            <code>{receipt.commitment}</code>
          </dd>
          {verdict.seed && (
            <>
              <dt>Revealed seed</dt>
              <dd>
                <code>{verdict.seed}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      <ul className="playcart-verification-checks">
        {verdict.checks.map((c) => (
          <li key={c.key} data-ok={c.ok ? "" : undefined}>
            <strong>
              {c.ok ? "Passed" : "Failed"}: {CHECK_NAMES[c.key]}.
            </strong>{" "}
            {c.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
