import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { OrderSummary } from "@/components/store/order-summary";
import { orderPointsSummary } from "@/lib/engage";
import { formatMoney } from "@/lib/store/money";
import { getOrderForViewer } from "@/lib/store/orders";
import { currentShopper } from "@/lib/store/owner";

export const metadata: Metadata = { title: "Your order" };

// Shows what the webhook recorded; this page never fulfils anything itself.
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const shopper = await currentShopper();
  const db = await getDb();
  const found = await getOrderForViewer(db, id, { sessionId: shopper.sessionId, userId: shopper.userId, email: shopper.viewer?.email ?? null });
  if (!found) notFound();
  const { order, items } = found;
  const { earned } = await orderPointsSummary(db, order.id);
  const paid = order.status === "paid";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {!paid && order.status !== "failed" && order.status !== "expired" && (
        // Stripe may redirect here before its webhook arrives: look again shortly.
        <meta httpEquiv="refresh" content="3" />
      )}
      <h1 className="font-display text-3xl font-semibold">
        {paid ? "Thank you! Your order is confirmed." : order.status === "failed" || order.status === "expired" ? "This order was not paid." : "Confirming your payment…"}
      </h1>
      <p className="text-stone-600">
        Order <span className="font-mono">{order.id.slice(0, 8).toUpperCase()}</span> · a receipt goes to {order.email}
      </p>
      {paid && (
        <p className="rounded-xl bg-brand-50 p-4 text-brand-800" data-testid="points-earned">
          You earned <strong>{earned} points</strong> with this order.
          {!shopper.viewer && <> <Link href={`/signin?callbackUrl=/account`} className="underline">Sign in with {order.email}</Link> to see your balance.</>}
        </p>
      )}
      {order.amountRefundedMinor > 0 && (
        <p className="text-sm text-stone-700">Refunded: {formatMoney(order.amountRefundedMinor, order.currency)}</p>
      )}
      <OrderSummary
        currency={order.currency}
        lines={items.map((i) => ({ key: i.productId, name: i.name, quantity: i.quantity, lineTotalMinor: i.unitPriceMinor * i.quantity }))}
        totals={order}
      />
      <Link href="/" className="inline-block text-brand-700 underline">Continue shopping</Link>
    </div>
  );
}
