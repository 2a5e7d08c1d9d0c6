"use server";

import { revalidatePath } from "next/cache";
import { adjustmentSchema, adjustPoints } from "playcart";
import { getDb } from "@/db/client";
import { adminAction } from "../admin-action";

/** A manual points adjustment: a reason is required; it is a ledger entry and an audit entry. */
export const adjustPointsAction = adminAction(adjustmentSchema, async (input, admin) => {
  const result = await adjustPoints(await getDb(), admin.email, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
  if (!result.applied) return { status: "ok", message: "This adjustment was already posted." };
  return {
    status: "ok",
    message: `Posted ${input.delta > 0 ? "+" : ""}${input.delta} points. Balance: ${result.balance}.`,
  };
});
