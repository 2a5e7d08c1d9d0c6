import "playcart/styles.css";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PlaycartCheckout } from "playcart/next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cartIdFromCookie, readCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { placeOrder } from "@/lib/orders";
import { playcart } from "@/lib/playcart";
import { CheckoutForm, type CheckoutState } from "./checkout-form";

const checkoutInput = z.object({ email: z.string().email({ message: "Enter the email address for your receipt." }) });

/** Places the order for this browser's cart, then sends the shopper to pay for it. */
async function checkout(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  "use server";
  const input = checkoutInput.safeParse({ email: String(form.get("email") ?? "").trim() });
  if (!input.success) return { status: "invalid", message: input.error.issues[0].message };
  const { email } = input.data;
  const cart = await readCart(getDb(), await cartIdFromCookie());
  if (!cart || cart.lines.length === 0) return { status: "empty", message: "Your cart is empty." };
  const playcartDiscount: Parameters<typeof placeOrder>[3] = async (db, orderRef) =>
    (await playcart.priceOrder({ orderRef, email, form, db })).offMinor;
  let orderId: string;
  try {
    orderId = await placeOrder(getDb(), cart, email, playcartDiscount);
  } catch (err) {
    // The reward the checkout showed no longer applies: nothing was placed; say why, with the total now due.
    if (err instanceof Error && err.name === "RewardChangedError") return { status: "invalid", message: err.message };
    throw err;
  }
  redirect(`/orders/${orderId}`);
}

export default async function CheckoutPage() {
  const cart = await readCart(getDb(), await cartIdFromCookie());
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link href="/">Browse the shop</Link>
      </>
    );
  }
  const playcartView = await playcart.checkout();
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
        {playcartView.offMinor > 0 && <dt>{playcartView.reward?.label}</dt>}
        {playcartView.offMinor > 0 && <dd data-testid="checkout-discount">−{formatMoney(playcartView.offMinor)}</dd>}
        <dt>Delivery</dt>
        <dd>{cart.shippingMinor === 0 ? "Free" : formatMoney(cart.shippingMinor)}</dd>
        <dt>Total</dt>
        <dd data-testid="checkout-total">
          {formatMoney(cart.subtotalMinor + cart.shippingMinor - playcartView.offMinor)}
        </dd>
      </dl>
      <PlaycartCheckout view={playcartView} form="checkout" formatMoney={formatMoney} />
      <CheckoutForm action={checkout} email={cart.email ?? ""} />
    </>
  );
}
