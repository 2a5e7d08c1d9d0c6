import "server-only";
import type { ActionState } from "@/lib/action-state";
import { AuthorizationError } from "@/lib/auth/guards";
import { CartError } from "./cart";

/** Maps expected errors to what the shopper sees; anything else is logged and hidden. */
export function actionError(err: unknown): ActionState {
  if (err instanceof CartError)
    return { status: "invalid", message: err.message, fieldErrors: { [err.field]: err.message } };
  if (err instanceof AuthorizationError) return { status: err.reason, message: err.message };
  console.error("[playcart] action failed", err);
  return { status: "error", message: "Something went wrong on our side. Please try again." };
}
