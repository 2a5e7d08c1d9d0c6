// One admin form action: a schema for its fields and what it does once they are valid. The
// runner (run-action.ts) authorises the request before the schema or the body ever run.
import { z } from "zod";
import type { AdminActionState } from "../action-state.ts";
import type { AdminContext } from "../config.ts";

export type AdminActionDefinition = {
  input(ctx: AdminContext): z.ZodType;
  run(input: unknown, ctx: AdminContext): Promise<AdminActionState>;
  /** Reads only (an estimate): the admin's pages need no revalidation after it. */
  readOnly?: boolean;
};

export function adminAction<S extends z.ZodType>(
  input: S | ((ctx: AdminContext) => S),
  run: (input: z.infer<S>, ctx: AdminContext) => Promise<AdminActionState>,
  options: { readOnly?: boolean } = {},
): AdminActionDefinition {
  return {
    input: typeof input === "function" ? input : () => input,
    run: run as AdminActionDefinition["run"],
    readOnly: options.readOnly,
  };
}

/** A form field carrying JSON (a campaign, an audience, tier rows), parsed or refused by name. */
export const jsonField = (what: string, max = 100_000) =>
  z
    .string()
    .max(max, `The ${what} is too large`)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: `The ${what} could not be read` });
        return z.NEVER;
      }
    });
