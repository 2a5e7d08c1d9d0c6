import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orderPointsSummary } from "playcart";
import { OrderSummary } from "@/components/store/order-summary";
import { getDb } from "@/db/client";
import { paymentsMode } from "@/lib/env";
import { formatMoney } from "@/lib/store/money";
import { orderStatus } from "@/lib/store/order-status";
import { getOrderForViewer } from "@/lib/store/orders";
import { currentShopper } from "@/lib/store/owner";
import { OrderRewardNote } from "./order-reward-note";

export const metadata: Metadata = { title: "Your order" };

// Shows what the webhook recorded; this page never fulfils anything itself.
export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ session_id?: string }>;
}) {
  const [{ id }, { session_id: fromStripe }] = await Promise.all([params, searchParams]);
  const shopper = await currentShopper();
  const db = await getDb();
  const found = await getOrderForViewer(db, id, {
    sessionId: shopper.sessionId,
    userId: shopper.userId,
    email: shopper.viewer?.email ?? null,
  });
  if (!found) notFound();
  const { order, items } = found;
  const points = await orderPointsSummary(db, order.id);
  // Stripe redirects here as soon as the shopper pays, sometimes before its webhook arrives.
  const confirming = order.status === "processing" || (order.status === "pending" && Boolean(fromStripe));
  const heading =
    order.status === "paid"
      ? "Thank you! Your order is confirmed."
      : confirming
        ? "Confirming your payment…"
        : order.status === "pending"
          ? "This order is waiting for payment."
          : "This order was not paid.";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {confirming && <meta httpEquiv="refresh" content="3" />}
      <h1 className="font-display text-3xl font-semibold">{heading}</h1>
      <p className="text-stone-600">
        Order <span className="font-mono">{order.id.slice(0, 8).toUpperCase()}</span> · a receipt goes to {order.email}
      </p>
      {order.status === "pending" && !confirming && (
        <Link
          href={paymentsMode() === "test" ? `/pay/${order.id}` : "/checkout"}
          className="inline-block rounded-lg bg-brand-700 px-5 py-3 font-medium text-white"
        >
          Pay for this order
        </Link>
      )}
      {order.status === "paid" && (
        <div className="rounded-xl bg-brand-50 p-4 text-brand-800" data-testid="points-earned">
          <p>
            You earned <strong>{points.earned} points</strong> with this order.
            {!shopper.viewer && (
              <>
                {" "}
                <Link
                  href={`/signin?callbackUrl=/account&email=${encodeURIComponent(order.email)}`}
                  className="underline"
                >
                  Sign in with {order.email}
                </Link>{" "}
                to see your balance.
              </>
            )}
          </p>
          {points.reversed > 0 && (
            <p className="mt-1 text-sm">{points.reversed} of them were taken back after a refund.</p>
          )}
        </div>
      )}
      <OrderRewardNote db={db} order={order} viewerEmail={shopper.viewer?.email ?? null} />
      {order.amountRefundedMinor > 0 && (
        <p className="text-sm text-stone-700">
          Status: {orderStatus(order)} · Refunded: {formatMoney(order.amountRefundedMinor, order.currency)}
        </p>
      )}
      <OrderSummary
        currency={order.currency}
        lines={items.map((i) => ({
          key: i.productId,
          name: i.name,
          quantity: i.quantity,
          lineTotalMinor: i.unitPriceMinor * i.quantity,
        }))}
        totals={order}
        discountLabel={order.discountLabel}
      />
      <Link href="/" className="inline-block text-brand-700 underline">
        Continue shopping
      </Link>
    </div>
  );
}
