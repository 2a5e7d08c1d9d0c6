import Link from "next/link";
import { ProductArt } from "@/components/product-art";
import { getDb } from "@/db/client";
import { cartIdFromCookie, readCart } from "@/lib/cart";
import { FREE_SHIPPING_FROM_MINOR, formatMoney } from "@/lib/money";
import { setQuantity } from "../actions";

export default async function CartPage() {
  const cart = await readCart(getDb(), await cartIdFromCookie());
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <p>Your cart is empty.</p>
        <Link href="/">Browse the shop</Link>
      </>
    );
  }
  return (
    <>
      <h1>Your cart</h1>
      <ul className="lines">
        {cart.lines.map((l) => (
          <li key={l.productId} className="line">
            <ProductArt art={l.art} name={l.name} />
            <span className="grow">{l.name}</span>
            <form action={setQuantity} className="row">
              <input type="hidden" name="productId" value={l.productId} />
              <label>
                Quantity of {l.name}
                <input name="quantity" type="number" min={0} max={99} defaultValue={l.quantity} />
              </label>
              <button type="submit">Update</button>
            </form>
            <span className="price">{formatMoney(l.unitPriceMinor * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>Subtotal</dt>
        <dd>{formatMoney(cart.subtotalMinor)}</dd>
        <dt>Delivery</dt>
        <dd>{cart.shippingMinor === 0 ? "Free" : formatMoney(cart.shippingMinor)}</dd>
      </dl>
      {cart.shippingMinor > 0 && <p className="muted">Free delivery from {formatMoney(FREE_SHIPPING_FROM_MINOR)}.</p>}
      <Link href="/checkout" className="button">
        Go to checkout
      </Link>
    </>
  );
}
