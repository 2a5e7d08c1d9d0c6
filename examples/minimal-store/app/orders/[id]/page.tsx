import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cartIdFromCookie } from "@/lib/cart";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { orderOfCart } from "@/lib/orders";
import { payWithTestCard } from "../../actions";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  // Only the browser whose cart placed the order may see it.
  const order = id.success ? await orderOfCart(getDb(), id.data, await cartIdFromCookie()) : null;
  if (!order) notFound();
  const paid = order.status === "paid";
  return (
    <>
      <h1>{paid ? "Thank you for your order" : "Pay for your order"}</h1>
      {paid && <p role="status">Payment received. A receipt goes to {order.email}.</p>}
      <ul className="summary">
        {order.lines.map((l) => (
          <li key={l.name}>
            {l.quantity} × {l.name} <span className="price">{formatMoney(l.unitPriceMinor * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        {order.discountMinor > 0 && (
          <>
            <dt>Discount</dt>
            <dd>−{formatMoney(order.discountMinor, order.currency)}</dd>
          </>
        )}
        <dt>Delivery</dt>
        <dd>{order.shippingMinor === 0 ? "Free" : formatMoney(order.shippingMinor, order.currency)}</dd>
        <dt>{paid ? "Paid" : "Total"}</dt>
        <dd data-testid="order-total">{formatMoney(order.totalMinor, order.currency)}</dd>
      </dl>
      {!paid &&
        (env().STORE_TEST_PAYMENTS === "1" ? (
          <form action={payWithTestCard} className="test-payment">
            <p>
              <strong>Test mode.</strong> No card is charged: the store signs a Stripe checkout.session.completed event
              and posts it to its own webhook.
            </p>
            <input type="hidden" name="orderId" value={order.id} />
            <button type="submit">Pay {formatMoney(order.totalMinor, order.currency)} with a test card</button>
          </form>
        ) : (
          <p>Payments are not configured for this store.</p>
        ))}
    </>
  );
}
