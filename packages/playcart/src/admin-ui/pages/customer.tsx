import { notFound } from "next/navigation.js";
import { z } from "zod";
import {
  customerDetail,
  customerLoyaltyDetail,
  customerOrders,
  getSettings,
  isErased,
  paymentStatus,
  referralRefusalWords,
  referralReport,
} from "../../index.ts";
import { AdjustPointsForm } from "../components/adjust-points-form.tsx";
import { EraseCustomerForm } from "../components/erase-customer-form.tsx";
import { ReferralList } from "../components/referral-list.tsx";
import { ScrollBox } from "../components/scroll-box.tsx";
import { money } from "../format.ts";
import { accountName } from "../search.ts";
import type { AdminPageProps } from "./page-props.ts";

const table = "w-full min-w-[32rem] text-sm";
const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);

export async function CustomerPage({ ctx, id, customerPanel }: AdminPageProps) {
  if (!z.uuid().safeParse(id).success) notFound();
  const db = ctx.db;
  const now = await ctx.now();
  const detail = await customerDetail(db, id, now);
  if (!detail) notFound();
  const { customer, profile, balance, ledger } = detail;
  const [settings, name] = [await getSettings(db), await accountName(ctx, customer)];
  const loyalty = await customerLoyaltyDetail(db, customer, settings, now);
  const [orders, referred] = await Promise.all([
    customerOrders(db, customer.id),
    referralReport(db, { referrerId: customer.id, limit: 50 }),
  ]);
  const currency = ctx.currency;
  const tierLabel = (t: string | null) => (t ? (settings.tiers.find((x) => x.name === t)?.label ?? t) : "none");
  const tier = tierLabel(profile.tier);
  const segmentLabel = (s: string) => s.replace("_", " ");
  const erased = isErased(customer.email);
  return (
    <div className="playcart-admin-stack">
      <div>
        <h1 className="playcart-admin-title playcart-admin-break">{erased ? "Deleted customer" : customer.email}</h1>
        <p className="playcart-admin-small playcart-admin-muted" data-testid="customer-status">
          {erased
            ? `Loyalty data deleted on request; kept anonymously for the books (${customer.id})`
            : (name ?? "Guest (no account)")}{" "}
          · customer since {customer.createdAt.toISOString().slice(0, 10)}
        </p>
      </div>
      <dl className="playcart-admin-grid">
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Points balance</dt>
          <dd className="playcart-admin-heading playcart-admin-num" data-testid="points-balance">
            {balance.available}
          </dd>
          {balance.pending > 0 && (
            <dd className="playcart-admin-tiny" data-testid="points-pending">
              {balance.pending} pending (return window)
            </dd>
          )}
          {balance.held > 0 && <dd className="playcart-admin-tiny">{balance.held} held (dispute)</dd>}
        </div>
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Tier</dt>
          <dd className="playcart-admin-heading">{tier}</dd>
        </div>
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Paid orders</dt>
          <dd className="playcart-admin-heading playcart-admin-num">{profile.paidOrders}</dd>
        </div>
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Spend ({settings.tierWindowDays} days)</dt>
          <dd className="playcart-admin-heading playcart-admin-num">{money(profile.trailingSpendMinor, currency)}</dd>
        </div>
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Segment</dt>
          <dd className="playcart-admin-heading" data-testid="customer-segment">
            {profile.segment ? segmentLabel(profile.segment) : "none"}
          </dd>
          {profile.segments.length > 1 && (
            <dd className="playcart-admin-tiny">
              also{" "}
              {profile.segments
                .filter((s) => s !== profile.segment)
                .map(segmentLabel)
                .join(", ")}
            </dd>
          )}
        </div>
        <div className="playcart-admin-card">
          <dt className="playcart-admin-tiny playcart-admin-muted">Favourite category</dt>
          <dd className="playcart-admin-heading">{loyalty.affinity.favourite ?? "none yet"}</dd>
        </div>
      </dl>

      <div className="playcart-admin-grid">
        <section aria-labelledby="affinity-h" className="playcart-admin-stack-sm">
          <h2 id="affinity-h" className="playcart-admin-heading">
            Category affinity
          </h2>
          <p className="playcart-admin-tiny playcart-admin-muted">
            Share of recent spend by category; an order counts half as much every {settings.affinityHalfLifeDays} days.
          </p>
          <ul className="playcart-admin-small">
            {loyalty.affinity.categories.map(([c, share]) => (
              <li key={c} className="playcart-admin-row playcart-admin-between">
                <span>{c}</span>
                <span className="playcart-admin-num">{Math.round(share * 100)}%</span>
              </li>
            ))}
            {loyalty.affinity.categories.length === 0 && <li className="playcart-admin-muted">No paid orders yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="tier-history-h" className="playcart-admin-stack-sm">
          <h2 id="tier-history-h" className="playcart-admin-heading">
            Tier history
          </h2>
          <ul className="playcart-admin-divided playcart-admin-small">
            {loyalty.tierHistory.map((t) => (
              <li key={t.id} className="playcart-admin-num">
                {when(t.createdAt)} · {tierLabel(t.fromTier)} → {tierLabel(t.toTier)} at{" "}
                {money(t.trailingSpendMinor, currency)}
              </li>
            ))}
            {loyalty.tierHistory.length === 0 && <li className="playcart-admin-muted">No tier changes yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="badges-h" className="playcart-admin-stack-sm">
          <h2 id="badges-h" className="playcart-admin-heading">
            Badges and stamp cards
          </h2>
          <ul className="playcart-admin-small">
            {loyalty.badges.map((b) => (
              <li key={b.shareId} className="">
                <span aria-hidden="true">{b.emoji}</span> {b.name} · {when(b.awardedAt)}
              </li>
            ))}
            {loyalty.badges.length === 0 && <li className="playcart-admin-muted">No badges yet.</li>}
          </ul>
          <ul className="playcart-admin-small">
            {loyalty.cards.map((c) => (
              <li key={c.slug} className="">
                {c.name}: {c.stamps} of {c.required} stamps
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="consent-h" className="playcart-admin-stack-sm">
          <h2 id="consent-h" className="playcart-admin-heading">
            Reminders and consent
          </h2>
          <p className="playcart-admin-small" data-testid="consent">
            {!loyalty.contact?.consentAt
              ? "No consent to cart reminders."
              : loyalty.contact.unsubscribedAt
                ? `Unsubscribed ${when(loyalty.contact.unsubscribedAt)} (consent given ${when(loyalty.contact.consentAt)}).`
                : `Consented ${when(loyalty.contact.consentAt)} via ${loyalty.contact.consentSource ?? "unknown"}: “${loyalty.contact.consentWording ?? ""}”`}
          </p>
          <ul className="playcart-admin-divided playcart-admin-small">
            {loyalty.reminders.map((r) => (
              <li key={r.id} className="playcart-admin-num">
                {when(r.dueAt)} · reminder {r.step}
                {r.discountPercent ? ` (${r.discountPercent}% off)` : ""} · {r.status}
                {r.outcome ? ` (${r.outcome})` : ""}
                {r.channels?.length ? ` · ${r.channels.join(", ")}` : ""}
              </li>
            ))}
            {loyalty.reminders.length === 0 && <li className="playcart-admin-muted">No reminders.</li>}
          </ul>
        </section>
      </div>

      <section aria-labelledby="orders-h" className="playcart-admin-stack-sm">
        <h2 id="orders-h" className="playcart-admin-heading">
          Orders
        </h2>
        {orders.length === 0 ? (
          <p className="playcart-admin-small playcart-admin-muted">No paid orders yet.</p>
        ) : (
          <ScrollBox label="Orders table">
            <table className={table} aria-labelledby="orders-h">
              <thead className="playcart-admin-muted">
                <tr>
                  <th className="playcart-admin-normal">Order</th>
                  <th className="playcart-admin-normal">Paid (UTC)</th>
                  <th className="playcart-admin-normal">Amount</th>
                  <th className="playcart-admin-normal">Status</th>
                  <th className="playcart-admin-normal">Points</th>
                </tr>
              </thead>
              <tbody className="playcart-admin-divided">
                {orders.map((o) => {
                  const reversed = o.pointsEarned - o.pointsKept;
                  return (
                    <tr key={o.orderRef}>
                      <td className="playcart-admin-mono">{o.orderRef.slice(0, 8).toUpperCase()}</td>
                      <td className="playcart-admin-num">{when(o.paidAt)}</td>
                      <td className="playcart-admin-num">
                        {money(o.amountPaidMinor, o.currency)}
                        {o.amountRefundedMinor > 0 ? ` (${money(o.amountRefundedMinor, o.currency)} refunded)` : ""}
                      </td>
                      <td>{paymentStatus(o)}</td>
                      <td className="playcart-admin-num">
                        +{o.pointsEarned}
                        {reversed > 0 ? `, ${reversed} taken back` : ""}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>

      <section aria-labelledby="referrals-h" className="playcart-admin-stack-sm">
        <h2 id="referrals-h" className="playcart-admin-heading">
          Referrals
        </h2>
        <ReferralList
          rows={referred}
          href={(cid) => ctx.href(`customers/${cid}`)}
          empty="No orders placed through this customer's link."
        />
      </section>

      <section aria-labelledby="adjust-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="adjust-h" className="playcart-admin-heading">
          Adjust points
        </h2>
        <AdjustPointsForm customerId={customer.id} />
      </section>
      {!erased && (
        <section aria-labelledby="erase-h" className="playcart-admin-card playcart-admin-stack-sm">
          <h2 id="erase-h" className="playcart-admin-heading">
            Delete loyalty data
          </h2>
          <EraseCustomerForm customerId={customer.id} />
        </section>
      )}
      {customerPanel
        ? await customerPanel({ ctx, customer: { id: customer.id, email: customer.email, userRef: customer.userRef } })
        : null}

      <section aria-labelledby="ledger-h" className="playcart-admin-stack-sm">
        <h2 id="ledger-h" className="playcart-admin-heading">
          Points history
        </h2>
        <ScrollBox label="Points history table">
          <table className={table}>
            <thead className="playcart-admin-muted">
              <tr>
                <th className="playcart-admin-normal">When (UTC)</th>
                <th className="playcart-admin-normal">Change</th>
                <th className="playcart-admin-normal">Balance</th>
                <th className="playcart-admin-normal">Kind</th>
                <th className="playcart-admin-normal">Reason</th>
              </tr>
            </thead>
            <tbody className="playcart-admin-divided">
              {ledger.map((e) => (
                <tr key={e.id}>
                  <td className="playcart-admin-num">{when(e.createdAt)}</td>
                  <td className="playcart-admin-num">
                    {e.delta > 0 ? `+${e.delta}` : e.delta}
                    {e.account === "held" ? " (held)" : ""}
                  </td>
                  <td className="playcart-admin-num">{e.balanceAfter}</td>
                  <td>{e.kind}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <div className="playcart-admin-grid">
        <section aria-labelledby="plays-h" className="playcart-admin-stack-sm">
          <h2 id="plays-h" className="playcart-admin-heading">
            Plays
          </h2>
          <ul className="playcart-admin-divided playcart-admin-small">
            {detail.plays.map((p) => (
              <li key={p.id} className="">
                {when(p.at)} · {p.won ? `won ${p.prize}` : "no prize"}
              </li>
            ))}
            {detail.plays.length === 0 && <li className="playcart-admin-muted">No plays yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="rewards-h" className="playcart-admin-stack-sm">
          <h2 id="rewards-h" className="playcart-admin-heading">
            Rewards
          </h2>
          <ul className="playcart-admin-divided playcart-admin-small">
            {detail.rewards.map((r) => (
              <li key={r.id} className="">
                {r.label} · {r.status}
                {r.status === "issued" ? `, expires ${r.expiresAt.toISOString().slice(0, 10)}` : ""}
              </li>
            ))}
            {detail.rewards.length === 0 && <li className="playcart-admin-muted">No rewards yet.</li>}
          </ul>
        </section>
      </div>

      <section aria-labelledby="events-h" className="playcart-admin-stack-sm">
        <h2 id="events-h" className="playcart-admin-heading">
          Events
        </h2>
        <ul className="playcart-admin-divided playcart-admin-small">
          {detail.events.map((e) => (
            <li key={e.id} className="playcart-admin-num">
              {when(e.at)} · {e.type}
              {e.valueMinor ? ` · ${money(e.valueMinor, currency)}` : ""}
              {e.orderRef ? ` · order ${e.orderRef.slice(0, 8).toUpperCase()}` : ""}
              {e.type === "referral.rejected" ? ` · ${referralRefusalWords(e.payload)}` : ""}
            </li>
          ))}
          {detail.events.length === 0 && <li className="playcart-admin-muted">No events yet.</li>}
        </ul>
      </section>
    </div>
  );
}
