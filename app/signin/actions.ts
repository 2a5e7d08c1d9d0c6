"use server";

import { formObject, invalid, type ActionState } from "@/lib/action-state";
import { signIn, signOut } from "@/lib/auth";
import { emailField } from "@/lib/store/validation";
import { z } from "zod";

const signInInput = z.object({
  email: emailField,
  // Only same-site paths: never redirect a shopper off the store after sign-in.
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[\w\-./?=&%]*$/)
    .optional()
    .catch(undefined),
});

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = signInInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  // Throws Next's redirect to the "check your email" page on success.
  await signIn("email", { email: input.data.email, redirectTo: input.data.callbackUrl ?? "/account" });
  return { status: "ok" };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
