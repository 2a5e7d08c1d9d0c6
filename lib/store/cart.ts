import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { cartItems, carts, MAX_LINE_QUANTITY, products } from "@/db/schema";
import { priceLines } from "./pricing";

export type CartOwner = { sessionId: string | null; userId: string | null };

export class CartError extends Error {
  constructor(
    public readonly field: "productId" | "quantity" | "cart" | "rewardId",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The owner's open cart, or undefined. A signed-in shopper's guest cart (this browser's)
 * is merged into their account cart the first time it is seen.
 */
export async function findOpenCart(
  tx: Db,
  owner: CartOwner,
): Promise<{ id: string; email: string | null } | undefined> {
  if (owner.userId) {
    if (owner.sessionId) await mergeGuestCart(tx, owner.sessionId, owner.userId);
    const [cart] = await tx
      .select({ id: carts.id, email: carts.email })
      .from(carts)
      .where(and(eq(carts.userId, owner.userId), eq(carts.status, "open")));
    return cart;
  }
  if (!owner.sessionId) return undefined;
  const [cart] = await tx
    .select({ id: carts.id, email: carts.email })
    .from(carts)
    .where(and(eq(carts.sessionId, owner.sessionId), eq(carts.status, "open"), isNull(carts.userId)));
  return cart;
}

async function mergeGuestCart(db: Db, sessionId: string, userId: string) {
  await db.transaction(async (tx) => {
    const [guest] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.sessionId, sessionId), eq(carts.status, "open"), isNull(carts.userId)))
      .for("update");
    if (!guest) return;
    const [mine] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.userId, userId), eq(carts.status, "open")))
      .for("update");
    if (!mine) {
      await tx.update(carts).set({ userId, updatedAt: new Date() }).where(eq(carts.id, guest.id));
      return;
    }
    await tx.execute(sql`
      INSERT INTO ${cartItems} (cart_id, product_id, quantity)
      SELECT ${mine.id}, product_id, quantity FROM ${cartItems} WHERE cart_id = ${guest.id}
      ON CONFLICT (cart_id, product_id)
      DO UPDATE SET quantity = least(${MAX_LINE_QUANTITY}, ${cartItems}.quantity + excluded.quantity)`);
    await tx.update(carts).set({ status: "merged", updatedAt: new Date() }).where(eq(carts.id, guest.id));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, mine.id));
  });
}

async function openCartFor(tx: Db, owner: CartOwner & { sessionId: string }) {
  const found = await findOpenCart(tx, owner);
  if (found) return found;
  await tx.insert(carts).values({ sessionId: owner.sessionId, userId: owner.userId }).onConflictDoNothing();
  const created = await findOpenCart(tx, owner);
  if (!created) throw new CartError("cart", "Could not open a cart.");
  return created;
}

async function activeProduct(tx: Db, productId: string) {
  const [p] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.active, true)));
  if (!p) throw new CartError("productId", "That product does not exist or is no longer sold.");
  return p;
}

export async function addToCart(db: Db, owner: CartOwner & { sessionId: string }, productId: string, quantity: number) {
  await db.transaction(async (tx) => {
    await activeProduct(tx, productId);
    const cart = await openCartFor(tx, owner);
    const [existing] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.productId, productId)));
    if ((existing?.quantity ?? 0) + quantity > MAX_LINE_QUANTITY) {
      throw new CartError("quantity", `You can have at most ${MAX_LINE_QUANTITY} of one product in your cart.`);
    }
    await tx
      .insert(cartItems)
      .values({ cartId: cart.id, productId, quantity })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.productId],
        set: { quantity: sql`${cartItems.quantity} + excluded.quantity` },
      });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart.id));
  });
}

/** Sets a line's quantity; 0 removes the line. */
export async function setCartQuantity(db: Db, owner: CartOwner, productId: string, quantity: number) {
  await db.transaction(async (tx) => {
    const cart = await findOpenCart(tx, owner);
    if (!cart) throw new CartError("cart", "Your cart is empty.");
    const where = and(eq(cartItems.cartId, cart.id), eq(cartItems.productId, productId));
    if (quantity === 0) await tx.delete(cartItems).where(where);
    else {
      const updated = await tx
        .update(cartItems)
        .set({ quantity })
        .where(where)
        .returning({ productId: cartItems.productId });
      if (updated.length === 0) throw new CartError("productId", "That product is not in your cart.");
    }
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart.id));
  });
}

// A cart line as pricing reads it.
const lineColumns = {
  productId: products.id,
  slug: products.slug,
  name: products.name,
  image: products.image,
  priceMinor: products.priceMinor,
  categorySlug: products.categorySlug,
  quantity: cartItems.quantity,
};

export async function cartLines(tx: Db, cartId: string) {
  const rows = await tx
    .select(lineColumns)
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(and(eq(cartItems.cartId, cartId), eq(products.active, true)))
    .orderBy(cartItems.addedAt, products.name);
  return priceLines(rows);
}

export async function loadCart(db: Db, owner: CartOwner) {
  if (!owner.userId) return loadGuestCart(db, owner.sessionId);
  const cart = await findOpenCart(db, owner);
  if (!cart) return { id: null, email: null, ...priceLines([]) };
  return { id: cart.id, email: cart.email, ...(await cartLines(db, cart.id)) };
}

/** A guest's open cart and its lines, by the placeholder `sessionId` (exported for its plan test). */
export const guestCartQuery = (db: Db) =>
  db
    .select({ cartId: carts.id, email: carts.email, line: lineColumns })
    .from(carts)
    .leftJoin(cartItems, eq(cartItems.cartId, carts.id))
    .leftJoin(products, and(eq(products.id, cartItems.productId), sql`${products.active}`))
    // `status = 'open'` as a literal, not a parameter: the plan Postgres keeps for the statement
    // can then use the open carts' unique index on the session (a parameter would make it
    // plan again on every call).
    .where(and(eq(carts.sessionId, sql.placeholder("sessionId")), sql`${carts.status} = 'open'`, isNull(carts.userId)))
    .orderBy(cartItems.addedAt, products.name);

// A guest's cart is read on every store page and every play: the cart and its lines in one
// prepared statement (planned once per connection), not two ad hoc queries.
const guestCartStatement = preparedStatement((db) => guestCartQuery(db).prepare("demo_guest_cart"));

type Line = Parameters<typeof priceLines>[0][number];
type LeftJoinedLine = { [K in keyof Line]: Line[K] | null };
// Every column of a line is NOT NULL in its table: a row with a product and a quantity joined whole.
const isJoinedLine = (l: LeftJoinedLine): l is Line => l.productId !== null && l.quantity !== null;

async function loadGuestCart(db: Db, sessionId: string | null) {
  if (!sessionId) return { id: null, email: null, ...priceLines([]) };
  const rows = await guestCartStatement(db).execute({ sessionId });
  if (rows.length === 0) return { id: null, email: null, ...priceLines([]) };
  // A cart without lines (or whose products were all withdrawn) is one row with no line.
  const lines = rows.map((r) => r.line).filter(isJoinedLine);
  return { id: rows[0].cartId, email: rows[0].email, ...priceLines(lines) };
}
