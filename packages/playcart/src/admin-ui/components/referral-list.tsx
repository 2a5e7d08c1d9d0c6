// Referred orders with their verdicts: the referrals report and a customer's profile share it.
// A list of cards rather than a table, so it reads at 390 px.
import type { ReferralRow } from "../../index.ts";

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);
const STATUS = { converted: "Converted", refunded: "Refunded", rejected: "Refused" } as const;

export function ReferralList({
  rows,
  href,
  empty,
}: {
  rows: ReferralRow[];
  href: (customerId: string) => string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="playcart-admin-small playcart-admin-muted">{empty}</p>;
  return (
    <ul className="playcart-admin-stack-sm" aria-label="Referrals">
      {rows.map((r) => (
        <li key={r.id} className="playcart-admin-card playcart-admin-small" data-testid="referral-row">
          <p>
            <strong>{STATUS[r.status]}</strong> · <span className="playcart-admin-num">{when(r.at)}</span> · order{" "}
            <span className="playcart-admin-mono">{r.orderRef.slice(0, 8).toUpperCase()}</span>
          </p>
          <p className="playcart-admin-break">
            {r.referrerId ? (
              <a className="playcart-admin-link" href={href(r.referrerId)}>
                {r.referrerEmail}
              </a>
            ) : (
              `code ${r.code}`
            )}{" "}
            referred{" "}
            <a className="playcart-admin-link" href={href(r.friendId)}>
              {r.friendEmail}
            </a>
          </p>
          {r.reason && <p data-testid="referral-reason">{r.reason}</p>}
        </li>
      ))}
    </ul>
  );
}
