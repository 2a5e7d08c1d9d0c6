"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formObject } from "@/lib/action-state";
import { actionError } from "@/lib/store/action-errors";
import { currentShopperForWrite } from "@/lib/store/owner";
import { type PurchaseState, purchaseReward } from "@/lib/store/reward-purchase";

/** Buys a catalog reward with points: signed-in shoppers only, checked here. */
export async function buyRewardAction(_prev: PurchaseState, form: FormData): Promise<PurchaseState> {
  try {
    const shopper = await currentShopperForWrite();
    const state = await purchaseReward(await getDb(), shopper, formObject(form));
    if (state.status === "ok") revalidatePath("/account");
    return state;
  } catch (err) {
    return actionError(err);
  }
}
