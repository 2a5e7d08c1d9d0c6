// The full notice of financial incentive (CCPA § 7016): what the programme collects, what it
// gives, the good-faith value of the data and how that is worked out, how to join and how to
// leave. The host mounts it on a public page (config.pages.notice) with the data from
// incentiveNoticeDetails(db, ...) in `playcart`.
import type { IncentiveNoticeDetails } from "../privacy/index.ts";

export type IncentiveNoticePageProps = {
  details: IncentiveNoticeDetails;
  storeName: string;
  /** Where a signed-in shopper downloads or deletes their loyalty data. */
  accountHref: string;
  /** Where a shopper joins (signs up). */
  joinHref: string;
};

const COLLECTED = [
  "your email address, and your account if you sign in",
  "your orders: amounts, product categories, refunds",
  "the games you play and the prizes and rewards you win or buy with points",
  "badges, stamps, tier and referrals, and the public name you choose for reviews and badges",
  "your birthday (day and month only) if you give it",
  "a cookie that keeps this browser's games and rewards together",
  "your consent to cart reminders and, if you allow them, your browser's push subscription",
];

export function IncentiveNoticePage({ details, storeName, accountHref, joinHref }: IncentiveNoticePageProps) {
  return (
    <article className="playcart-notice-page">
      <header>
        <p className="playcart-small">Loyalty programme terms</p>
        <h1 className="playcart-heading">Notice of financial incentive</h1>
        <p>{details.summary}</p>
      </header>
      <section aria-labelledby="playcart-notice-get">
        <h2 id="playcart-notice-get" className="playcart-heading">
          What you get
        </h2>
        <ul>
          {details.waysToEarn.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        {details.rewards.length > 0 && (
          <>
            <p>Points buy:</p>
            <ul>
              {details.rewards.map((r) => (
                <li key={r.name}>
                  {r.name}: {r.pointsCost} points
                </li>
              ))}
            </ul>
          </>
        )}
        <p>Games at checkout give discounts and rewards; the odds of each are on its own page.</p>
      </section>
      <section aria-labelledby="playcart-notice-collect">
        <h2 id="playcart-notice-collect" className="playcart-heading">
          What {storeName} collects for it
        </h2>
        <ul>
          {COLLECTED.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          We use it to run the programme: to count your points, judge your games and rewards, and send the reminders you
          asked for. We do not sell it.
        </p>
      </section>
      <section aria-labelledby="playcart-notice-value">
        <h2 id="playcart-notice-value" className="playcart-heading">
          What your data is worth
        </h2>
        <p>
          {details.valueEstimate ??
            "We value your data at what the programme gives back for it: the points, rewards and prizes above."}
        </p>
      </section>
      <section aria-labelledby="playcart-notice-join">
        <h2 id="playcart-notice-join" className="playcart-heading">
          How to join, and how to leave
        </h2>
        <p>
          Joining is optional: you can shop without it. You join by giving your email at checkout or in a game, by
          following a friend&apos;s referral link, or by <a href={joinHref}>signing up</a>. Either way you agree to
          these terms.
        </p>
        <p>
          You can leave at any time: <a href={accountHref}>on your account page</a>, download your loyalty data or
          delete it. Deleting removes your email, name, contacts and reminders; your points and unused rewards end; the
          store keeps anonymous records of past orders and points for its accounts. Every reminder email has an
          unsubscribe link.
        </p>
      </section>
    </article>
  );
}
