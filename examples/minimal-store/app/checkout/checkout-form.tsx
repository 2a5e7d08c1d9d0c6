"use client";
import { useActionState } from "react";

export type CheckoutState = { status: "idle" | "invalid" | "empty"; message?: string };
type CheckoutAction = (prev: CheckoutState, form: FormData) => Promise<CheckoutState>;

export function CheckoutForm({ action, email }: { action: CheckoutAction; email: string }) {
  const [state, formAction, pending] = useActionState<CheckoutState, FormData>(action, { status: "idle" });
  return (
    <form id="checkout" action={formAction} className="stack" noValidate>
      <label>
        Email for your receipt
        <input name="email" type="email" autoComplete="email" defaultValue={email} required />
      </label>
      <p role="alert" className="error">
        {state.message}
      </p>
      <button type="submit" disabled={pending}>
        Place order
      </button>
    </form>
  );
}
