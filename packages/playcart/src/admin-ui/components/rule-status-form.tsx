"use client";

// Puts a rule live, pauses or ends it from the list.
import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { FormMessage } from "./form-message.tsx";

export function RuleStatusForm({
  id,
  status,
  name,
  statuses,
}: {
  id: string;
  status: string;
  name: string;
  statuses: readonly string[];
}) {
  const [state, action] = useActionState(useAdminAction("setRuleStatus"), idle);
  return (
    <form action={action} className="playcart-admin-row">
      <input type="hidden" name="id" value={id} />
      <select name="status" defaultValue={status} aria-label={`Status of ${name}`} className="playcart-admin-input">
        {statuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="playcart-admin-link">
        Set
      </button>
      <FormMessage state={state} />
    </form>
  );
}
