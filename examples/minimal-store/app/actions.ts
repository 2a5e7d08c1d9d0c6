"use server";
import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cartLines, carts } from "@/db/schema";
import { addToCartLine, cartIdFromCookie, openCart } from "@/lib/cart";
import { env } from "@/lib/env";
import { orderOfCart } from "@/lib/orders";
import { checkoutSessionCompleted } from "@/lib/stripe/test-mode/checkout-session-completed";
import { postToWebhookEndpoints } from "@/lib/stripe/test-mode/post-signed-event";

const productInput = z.object({ productId: z.coerce.number().int().positive() });

/** Adds one of a product, creating the browser's cart (and its cookie) on the first add. */
export async function addToCart(formData: FormData) {
  const input = productInput.safeParse({ productId: formData.get("productId") });
  if (!input.success) return;
  await addToCartLine(await openCart(getDb()), { id: input.data.productId });
  revalidatePath("/", "layout");
}

const quantityInput = productInput.extend({ quantity: z.coerce.number().int().min(0).max(99) });

/** Sets a line's quantity in this browser's cart; 0 removes it. */
export async function setQuantity(formData: FormData) {
  const input = quantityInput.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  const cartId = await cartIdFromCookie();
  if (!input.success || !cartId) return;
  const { productId, quantity } = input.data;
  const db = getDb();
  const line = and(eq(cartLines.cartId, cartId), eq(cartLines.productId, productId));
  await db.transaction(async (tx) => {
    if (quantity === 0) await tx.delete(cartLines).where(line);
    else await tx.update(cartLines).set({ quantity }).where(line);
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
  });
  revalidatePath("/", "layout");
}

const orderInput = z.object({ orderId: z.string().uuid() });

/**
 * TEST PAYMENTS ONLY (STORE_TEST_PAYMENTS=1): pays this browser's pending order the way Stripe
 * would, with a signed checkout.session.completed event posted to the store's webhooks.
 */
export async function payWithTestCard(formData: FormData) {
  if (env().STORE_TEST_PAYMENTS !== "1") throw new Error("Test payments are switched off (STORE_TEST_PAYMENTS)");
  const input = orderInput.safeParse({ orderId: formData.get("orderId") });
  if (!input.success) return;
  const order = await orderOfCart(getDb(), input.data.orderId, await cartIdFromCookie());
  if (order?.status !== "pending") return;
  await postToWebhookEndpoints(checkoutSessionCompleted(order));
  revalidatePath("/", "layout");
  redirect(`/orders/${order.id}`);
}
