// Every admin server action goes through this: authenticate and authorise the store owner
// first (an action is a public POST endpoint), then validate, then run. Expected errors become
// a typed state the form shows; anything else is logged and hidden.
import "server-only";
import { CampaignInputError, EngageError } from "playcart";
import { z } from "zod";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { requireAdmin, type Viewer } from "@/lib/auth/guards";
import { actionError } from "@/lib/store/action-errors";

export function adminAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, admin: Viewer) => Promise<ActionState>,
) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    try {
      const admin = await requireAdmin();
      const input = schema.safeParse(formObject(form));
      if (!input.success) return invalid(input.error);
      return await run(input.data, admin);
    } catch (err) {
      if (err instanceof CampaignInputError)
        return { status: "invalid", message: err.message, fieldErrors: err.fieldErrors };
      if (err instanceof EngageError) return { status: "invalid", message: err.message };
      if (err instanceof z.ZodError) return invalid(err);
      return actionError(err);
    }
  };
}
