"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { reportCartOf } from "@/lib/store/abandonment";
import { actionError } from "@/lib/store/action-errors";
import { addToCart, setCartQuantity } from "@/lib/store/cart";
import { currentShopperForWrite } from "@/lib/store/owner";
import { addToCartInput, setQuantityInput } from "@/lib/store/validation";

// Authorisation: a cart action only ever touches the caller's own cart (cookie or account).
export async function addToCartAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = addToCartInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  try {
    const shopper = await currentShopperForWrite();
    const db = await getDb();
    await addToCart(db, shopper, input.data.productId, input.data.quantity);
    after(() => reportCartOf(db, shopper).catch((err) => console.error("[playcart] cart not reported", err)));
  } catch (err) {
    return actionError(err);
  }
  revalidatePath("/", "layout");
  return { status: "ok", message: "Added to your cart." };
}

export async function setQuantityAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = setQuantityInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  try {
    const shopper = await currentShopperForWrite();
    const db = await getDb();
    await setCartQuantity(db, shopper, input.data.productId, input.data.quantity);
    after(() => reportCartOf(db, shopper).catch((err) => console.error("[playcart] cart not reported", err)));
  } catch (err) {
    return actionError(err);
  }
  revalidatePath("/", "layout");
  return { status: "ok" };
}
