"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { signIn, signOut } from "@/lib/auth";
import { homeAfterSignIn } from "@/lib/auth/guards";
import { emailField } from "@/lib/store/validation";

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
  // redirect: false, then our own redirect: Auth.js would send the browser through its
  // /api/auth/verify-request hop, which a server action's client-side redirect stalls on.
  // Without a page to return to, an owner lands in the admin and a shopper on their account.
  const redirectTo = input.data.callbackUrl ?? (await homeAfterSignIn(input.data.email));
  await signIn("email", { email: input.data.email, redirectTo, redirect: false });
  redirect("/signin/check-email");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
