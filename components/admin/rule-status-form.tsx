"use client";

// Puts a rule live, pauses or ends it from the list.
import { useActionState } from "react";
import { setRuleStatusAction } from "@/app/admin/settings/rules/actions";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";

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
  const [state, action] = useActionState(setRuleStatusAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <select
        name="status"
        defaultValue={status}
        aria-label={`Status of ${name}`}
        className="rounded border border-stone-300 px-1 py-1"
      >
        {statuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="underline">
        Set
      </button>
      <FormMessage state={state} />
    </form>
  );
}
