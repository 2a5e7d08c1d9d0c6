import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { findCustomerByEmail, getSettings, history, shopperPoints } from "playcart";
import { signOutAction } from "@/app/signin/actions";
import { AccountLoyalty } from "@/components/store/account-loyalty";
import { LoyaltyData } from "@/components/store/loyalty-data";
import { getDb } from "@/db/client";
import { currentViewer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";
import { formatMoney } from "@/lib/store/money";
import { orderStatus } from "@/lib/store/order-status";
import { listOrdersForUser } from "@/lib/store/orders";
import { AccountRewards } from "./account-rewards";

export const metadata: Metadata = { title: "Your account" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function AccountPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account");
  const db = await getDb();
  const customer = await findCustomerByEmail(db, viewer.email);
  const now = await storeNow();
  const { expiryReminderDays } = await getSettings(db);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: env().STORE_TIMEZONE });
  const [points, entries, orderList] = await Promise.all([
    customer ? shopperPoints(db, customer.id, now, expiryReminderDays) : null,
    customer ? history(db, customer.id) : [],
    listOrdersForUser(db, viewer),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="flex items-center justify-between">
        <h1 className="font-display text-3xl font-semibold">Your account</h1>
        <form action={signOutAction}>
          <button type="submit" className="text-sm underline">
            Sign out
          </button>
        </form>
      </div>
      <p className="text-stone-600">Signed in as {viewer.email}</p>
      <section aria-labelledby="points-heading" className="rounded-2xl bg-brand-800 p-6 text-white">
        <h2 id="points-heading" className="text-sm uppercase tracking-wide text-brand-100">
          Points balance
        </h2>
        <p className="mt-1 text-4xl font-semibold" data-testid="points-balance">
          {points?.available.points ?? 0}
        </p>
        {/* Each lot at the value it was earned at: a later change of rate does not move it. */}
        <p className="mt-1 text-sm text-brand-100" data-testid="points-worth">
          Worth {formatMoney(points?.available.valueMinor ?? 0)}
        </p>
        {points?.releasing.map((r) => (
          <p
            key={`p${r.releasesAt.toISOString()}`}
            className="mt-1 text-sm text-brand-100"
            data-testid="points-pending"
          >
            {r.points} points ({formatMoney(r.valueMinor)}) pending until {day.format(r.releasesAt)}, when the return
            window closes
          </p>
        ))}
        {points?.expiring.map((e) => (
          <p
            key={`e${e.expiresAt.toISOString()}`}
            className="mt-1 text-sm text-brand-100"
            data-testid="points-expiring"
          >
            {e.points} points ({formatMoney(e.valueMinor)}) expire on {day.format(e.expiresAt)}
          </p>
        ))}
        {(points?.held.points ?? 0) > 0 && (
          <p className="mt-1 text-sm text-brand-100">
            {points?.held.points} points on hold while a payment dispute is open
          </p>
        )}
      </section>
      <AccountLoyalty email={viewer.email} userId={viewer.id} />
      <AccountRewards viewer={viewer} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-medium">
          Points history
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-stone-600">No points yet. Every paid order earns points.</p>
        ) : (
          <table className="mt-2 w-full text-sm">
            <thead className="text-left text-stone-600">
              <tr>
                <th className="py-2 font-normal">When</th>
                <th className="font-normal">Reason</th>
                <th className="text-right font-normal">Points</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {entries
                // Pending points show as pending; their release shows once, as it reaches the balance.
                .filter(
                  (e) =>
                    e.delta !== 0 && (e.account === "available" || (e.account === "pending" && e.kind !== "release")),
                )
                .map((e) => (
                  <tr key={e.id}>
                    <td className="py-2 text-stone-600">{dateFormat.format(e.createdAt)}</td>
                    <td>{e.reason}</td>
                    <td className={`text-right tabular-nums ${e.delta > 0 ? "text-brand-700" : "text-red-700"}`}>
                      {e.delta > 0 ? `+${e.delta}` : e.delta}
                      {e.account === "pending" ? " pending" : ""}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="text-lg font-medium">
          Orders
        </h2>
        {orderList.length === 0 ? (
          <p className="mt-2 text-stone-600">No orders yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
            {orderList.map((o) => (
              <li key={o.id} className="flex justify-between p-4 text-sm">
                <Link href={`/orders/${o.id}`} className="font-mono underline">
                  {o.id.slice(0, 8).toUpperCase()}
                </Link>
                <span className="text-stone-600">{dateFormat.format(o.paidAt ?? o.createdAt)}</span>
                <span>{orderStatus(o)}</span>
                <span className="tabular-nums">
                  {formatMoney(o.totalMinor, o.currency)}
                  {o.amountRefundedMinor > 0 && (
                    <span className="text-stone-600"> (refunded {formatMoney(o.amountRefundedMinor, o.currency)})</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <LoyaltyData exportHref="/api/playcart/privacy/export" noticeHref="/loyalty-notice" />
    </div>
  );
}
