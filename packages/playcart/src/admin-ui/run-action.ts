// Every admin form action goes through here: the host's authorize callback first (an action
// is a public POST endpoint), then validation, then the action. Expected errors become a
// typed state the form shows; anything else is logged and hidden.
import { revalidatePath } from "next/cache.js";
import { z } from "zod";
import { CampaignInputError } from "../admin/index.ts";
import { EngageError } from "../core/errors.ts";
import { type AdminActionState, formObject, invalid } from "./action-state.ts";
import type { AdminActionDefinition } from "./actions/define.ts";
import { ADMIN_ACTIONS, type AdminActionName } from "./actions/index.ts";
import { type AdminConfig, adminContext, checkAccess } from "./config.ts";

const REFUSED = {
  unauthenticated: "Please sign in.",
  forbidden: "You are not allowed to do that.",
} as const;

const isActionName = (name: unknown): name is AdminActionName =>
  typeof name === "string" && Object.hasOwn(ADMIN_ACTIONS, name);

export async function runAdminAction(
  config: AdminConfig,
  name: string,
  _prev: AdminActionState,
  form: FormData,
): Promise<AdminActionState> {
  try {
    const access = await checkAccess(config, { kind: "action", action: String(name) });
    if ("refused" in access) return { status: access.refused, message: REFUSED[access.refused] };
    if (!isActionName(name) || !(form instanceof FormData))
      return { status: "invalid", message: "This form is not part of the admin." };
    const ctx = await adminContext(config, access.actor);
    const action: AdminActionDefinition = ADMIN_ACTIONS[name];
    const input = action.input(ctx).safeParse(formObject(form));
    if (!input.success) return invalid(input.error);
    const result = await action.run(input.data, ctx);
    // Every admin page reads fresh data; one revalidation covers the page the form is on.
    if (!action.readOnly) revalidatePath(ctx.basePath || "/", "layout");
    return result;
  } catch (err) {
    if (err instanceof CampaignInputError)
      return { status: "invalid", message: err.message, fieldErrors: err.fieldErrors };
    if (err instanceof EngageError) return { status: "invalid", message: err.message };
    if (err instanceof z.ZodError) return invalid(err);
    console.error("[playcart] admin action failed", err);
    return { status: "error", message: "Something went wrong on our side. Please try again." };
  }
}
