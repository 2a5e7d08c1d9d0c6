// The typed result every admin form's action returns, read with useActionState.
import type { z } from "zod";
import type { CampaignForecast } from "../insights/index.ts";

export type AdminActionState = {
  status: "idle" | "ok" | "invalid" | "unauthenticated" | "forbidden" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The record an action created (e.g. a new campaign's id), for the form to navigate to. */
  id?: string;
  /** A campaign forecast's figures (the forecast action). */
  forecast?: CampaignForecast;
  /** A live campaign in the way of publishing, which the form offers to pause. */
  conflict?: { id: string; name: string };
};

export const idle: AdminActionState = { status: "idle" };

export function invalid(error: z.ZodError): AdminActionState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors };
}

export const formObject = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
