// What a play needs from the demo store's cart: the cart's id and summary and the email
// Playcart may assume (knownEmail). For a guest, the common case at checkout, one prepared
// statement instead of loadCart's two queries and knownEmail's third; a signed-in shopper
// goes through loadCart, which also merges this browser's guest cart into the account's.
import "server-only";
import { sql } from "drizzle-orm";
import { executePrepared } from "playcart";
import type { Db } from "@/db/client";
import { loadCart } from "./cart";
import { cartSummary, knownEmail, type StoreShopper } from "./engagement";

export type PlayCart = {
  cartRef: string | null;
  email: string | null;
  valueMinor: number;
  itemCount: number;
  categories: string[];
};

type GuestRow = {
  id: string | null;
  email: string | null;
  lines: Array<{ q: number; p: number; c: string }> | null;
  last_email: string | null;
};

export async function playCart(db: Db, shopper: StoreShopper): Promise<PlayCart> {
  if (shopper.userId || !shopper.sessionId) {
    const cart = await loadCart(db, shopper);
    return { cartRef: cart.id, email: await knownEmail(db, shopper, cart.email), ...cartSummary(cart.lines) };
  }
  // The same rows as findOpenCart + cartLines (active products only) + knownEmail for a guest:
  // the session's open guest cart, its lines, and, when the cart has no email, the one this
  // browser last paid with.
  const [row] = await executePrepared<GuestRow>(
    db,
    sql`
      SELECT c.id, c.email,
        (SELECT json_agg(json_build_object('q', i.quantity, 'p', p.price_minor, 'c', p.category_slug) ORDER BY i.added_at, p.name)
           FROM cart_items i JOIN products p ON p.id = i.product_id
          WHERE i.cart_id = c.id AND p.active) AS lines,
        CASE WHEN coalesce(c.email, '') = '' THEN (
          SELECT o.email FROM orders o WHERE o.session_id = ${shopper.sessionId} AND o.status = 'paid'
          ORDER BY o.paid_at DESC NULLS FIRST LIMIT 1) END AS last_email
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (
        SELECT id, email FROM carts WHERE session_id = ${shopper.sessionId} AND status = 'open' AND user_id IS NULL LIMIT 1
      ) c ON true`,
  );
  const lines = row?.lines ?? [];
  return {
    cartRef: row?.id ?? null,
    email: row?.email || row?.last_email || null,
    valueMinor: lines.reduce((s, l) => s + l.p * l.q, 0),
    itemCount: lines.reduce((s, l) => s + l.q, 0),
    categories: [...new Set(lines.map((l) => l.c))],
  };
}
