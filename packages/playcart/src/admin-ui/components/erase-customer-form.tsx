"use client";

// Deletes a customer's loyalty data when they ask the store to: a confirmation box, then the
// same anonymising erasure the shopper's own account page runs.
import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";

export function EraseCustomerForm({ customerId }: { customerId: string }) {
  const erase = useAdminAction("eraseCustomer");
  const [state, action] = useActionState(erase, idle);
  const error = state.fieldErrors?.confirm;
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      <input type="hidden" name="customerId" value={customerId} />
      <p className="playcart-admin-small">
        Removes their email, name, account link, contacts, push subscriptions and open carts, voids unused rewards and
        cancels reminders. Their ledger, orders and plays stay, anonymously, so balances and KPIs do not change.
      </p>
      <label className="playcart-admin-small">
        <input type="checkbox" name="confirm" aria-invalid={Boolean(error)} aria-describedby="erase-confirm-error" />{" "}
        The customer asked for their loyalty data to be deleted
      </label>
      <p id="erase-confirm-error" className="playcart-admin-small">
        {error}
      </p>
      <div>
        <SubmitButton pendingLabel="Deleting…" className="">
          Delete loyalty data
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
