import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { paymentsMode } from "@/lib/env";
import { formatMoney } from "@/lib/store/money";
import { orderStatus } from "@/lib/store/order-status";
import { RefundForm } from "./refund-form";

/** The demo's orders with Stripe refunds: a host page of the Playcart admin (which checks access). */
export async function OrdersPage() {
  const db = await getDb();
  const recent = await db
    .select({
      id: orders.id,
      email: orders.email,
      status: orders.status,
      totalMinor: orders.totalMinor,
      amountRefundedMinor: orders.amountRefundedMinor,
      currency: orders.currency,
      disputeStatus: orders.disputeStatus,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(sql`${orders.status} <> 'pending'`)
    .orderBy(desc(orders.createdAt))
    .limit(50);
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">Orders</h1>
      <p className="text-sm text-stone-600">
        {paymentsMode() === "test"
          ? "Test mode: a refund sends a signed charge.refunded event to the webhook."
          : "Refunds go through Stripe; points change when its webhook arrives."}
      </p>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <thead className="text-left text-stone-600">
            <tr>
              <th className="py-2 font-normal">Order</th>
              <th className="font-normal">Email</th>
              <th className="font-normal">Status</th>
              <th className="font-normal">Total</th>
              <th className="font-normal">Refunded</th>
              <th className="font-normal">Refund</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {recent.map((o) => {
              const label = o.id.slice(0, 8).toUpperCase();
              return (
                <tr key={o.id} className="align-top">
                  <td className="py-2 font-mono">{label}</td>
                  <td>{o.email}</td>
                  <td>{orderStatus(o)}</td>
                  <td className="tabular-nums">{formatMoney(o.totalMinor, o.currency)}</td>
                  <td className="tabular-nums">{formatMoney(o.amountRefundedMinor, o.currency)}</td>
                  <td>
                    {o.status === "paid" && o.amountRefundedMinor < o.totalMinor && (
                      <RefundForm
                        orderId={o.id}
                        label={label}
                        email={o.email}
                        remainingMinor={o.totalMinor - o.amountRefundedMinor}
                        currency={o.currency}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
