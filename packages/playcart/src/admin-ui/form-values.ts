// FormData values for the settings forms: numbers arrive as strings, and an empty optional
// field means "none" (not 0). Shared by the settings actions; validation proper is the core's.
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const formNumber = (message = "Enter a number") =>
  z.preprocess(blankToUndefined, z.coerce.number({ message }).refine(Number.isFinite, message));
export const optionalFormNumber = () =>
  z.preprocess(blankToUndefined, z.coerce.number({ message: "Enter a number or leave it empty" }).optional());
export const optionalFormText = () => z.preprocess(blankToUndefined, z.string().trim().optional());
export const formCheckbox = () => z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

/** A JSON field posted by a client-side editor (rows, a condition). */
export const formJson = (what: string) =>
  z.string({ message: `The ${what} are missing` }).transform((t, ctx) => {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: `The ${what} could not be read` });
      return z.NEVER;
    }
  });
