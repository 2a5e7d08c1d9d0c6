import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrderSummary } from "@/components/store/order-summary";
import { TestPaymentForm } from "@/components/store/test-payment-form";
import { getDb } from "@/db/client";
import { paymentsMode } from "@/lib/env";
import { formatMoney } from "@/lib/store/money";
import { getOrderForViewer } from "@/lib/store/orders";
import { currentShopper } from "@/lib/store/owner";

export const metadata: Metadata = { title: "Test payment" };

// Stands in for Stripe Checkout when no STRIPE_SECRET_KEY is set.
export default async function TestPaymentPage({ params }: { params: Promise<{ orderId: string }> }) {
  if (paymentsMode() !== "test") notFound();
  const { orderId } = await params;
  const shopper = await currentShopper();
  const found = await getOrderForViewer(await getDb(), orderId, {
    sessionId: shopper.sessionId,
    userId: shopper.userId,
    email: shopper.viewer?.email ?? null,
  });
  if (!found) notFound();
  const { order, items } = found;
  if (order.status === "paid") redirect(`/orders/${order.id}`);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="rounded-xl border-2 border-dashed border-amber-400 bg-amber-50 p-4 text-amber-900">
        <p className="font-semibold">TEST MODE</p>
        <p className="text-sm">
          This page stands in for Stripe Checkout. No card is charged; paying sends a signed Stripe event to the
          store&apos;s webhook.
        </p>
      </div>
      <h1 className="font-display text-3xl font-semibold">Pay for your order</h1>
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
      {order.status === "pending" ? (
        <TestPaymentForm orderId={order.id} total={formatMoney(order.totalMinor, order.currency)} />
      ) : (
        <p>
          This order is {order.status}.{" "}
          <Link href="/checkout" className="underline">
            Return to checkout
          </Link>
          .
        </p>
      )}
    </div>
  );
}
