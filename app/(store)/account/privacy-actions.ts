"use server";

import { NotSignedInError } from "playcart/next";
import { z } from "zod";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { signOut } from "@/lib/auth";
import { currentViewer } from "@/lib/auth/guards";
import { playcart } from "@/lib/playcart";

const input = z.object({
  confirm: z.literal("on", { message: "Tick the box to confirm that you want your loyalty data deleted" }),
});

/**
 * Deletes the signed-in shopper's loyalty data (playcart.deleteShopperData checks the session
 * itself: only their own), then signs them out: they shop on as a guest, a new customer.
 */
export async function deleteLoyaltyDataAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!(await currentViewer())) return { status: "unauthenticated", message: "Please sign in." };
  const parsed = input.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await playcart.deleteShopperData();
  } catch (err) {
    if (err instanceof NotSignedInError) return { status: "unauthenticated", message: err.message };
    throw err;
  }
  await signOut({ redirectTo: "/?loyalty=deleted" });
  return { status: "ok" };
}
