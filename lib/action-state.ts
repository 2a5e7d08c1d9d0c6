// The typed result every form's server action returns, read with useActionState.
import type { z } from "zod";

export type ActionState = {
  status: "idle" | "ok" | "invalid" | "unauthenticated" | "forbidden" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The record an action created (e.g. a new campaign's id), for the form to navigate to. */
  id?: string;
};

export const idle: ActionState = { status: "idle" };

export function invalid(error: z.ZodError): ActionState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors };
}

export const formObject = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
