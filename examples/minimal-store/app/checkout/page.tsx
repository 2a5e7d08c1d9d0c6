import { headers } from "next/headers";
import Link from "next/link";
import { PlaycartCheckout } from "playcart/next";
import { getDb } from "@/db/client";
import { cartIdFromCookie, readCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { playcart } from "@/lib/playcart";
import { CheckoutForm } from "./checkout-form";

export default async function CheckoutPage() {
  const cart = await readCart(getDb(), await cartIdFromCookie());
  const view = await playcart.checkout({ headers: await headers() });
  const off = (view.reward?.discountMinor ?? 0) + (view.reward?.shippingWaivedMinor ?? 0);
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link href="/">Browse the shop</Link>
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <ul className="summary">
        {cart.lines.map((l) => (
          <li key={l.productId}>
            {l.quantity} × {l.name} <span className="price">{formatMoney(l.unitPriceMinor * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        {off > 0 && <dt>{view.reward?.label}</dt>}
        {off > 0 && <dd data-testid="checkout-discount">−{formatMoney(off)}</dd>}
        <dt>Delivery</dt>
        <dd>{cart.shippingMinor === 0 ? "Free" : formatMoney(cart.shippingMinor)}</dd>
        <dt>Total</dt>
        <dd data-testid="checkout-total">{formatMoney(cart.subtotalMinor + cart.shippingMinor - off)}</dd>
      </dl>
      <PlaycartCheckout view={view} form="checkout" formatMoney={formatMoney} />
      <CheckoutForm email={cart.email ?? ""} />
    </>
  );
}
