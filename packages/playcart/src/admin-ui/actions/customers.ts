import { adjustmentSchema, adjustPoints } from "../../index.ts";
import { adminAction } from "./define.ts";

/** A manual points adjustment: a reason is required; it is a ledger entry and an audit entry. */
export const adjustPointsAction = adminAction(adjustmentSchema, async (input, ctx) => {
  const result = await adjustPoints(ctx.db, ctx.actor, input);
  if (!result.applied) return { status: "ok", message: "This adjustment was already posted." };
  return {
    status: "ok",
    message: `Posted ${input.delta > 0 ? "+" : ""}${input.delta} points. Balance: ${result.balance}.`,
  };
});
