"use client";
import { useActionState } from "react";
import { type CheckoutState, checkout } from "../actions";

export function CheckoutForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(checkout, { status: "idle" });
  return (
    <form id="checkout" action={action} className="stack" noValidate>
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
