"use client";

import { useActionState } from "react";
import { setCampaignStatusAction } from "@/app/admin/campaigns/actions";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";

const LABEL: Record<string, string> = { live: "Publish", paused: "Pause", ended: "End" };

/** Publish / pause / resume / end, as the campaign's status allows. */
export function CampaignStatus({ id, status, allowed }: { id: string; status: string; allowed: string[] }) {
  const [state, action, pending] = useActionState(setCampaignStatusAction, idle);
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Status: <strong data-testid="campaign-status">{status}</strong>
      </p>
      <div className="flex flex-wrap gap-2">
        {allowed.map((next) => (
          <form key={next} action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="status" value={next} />
            <button
              type="submit"
              disabled={pending}
              className={`rounded-lg px-4 py-2 text-sm font-medium ${next === "ended" ? "border border-red-300 text-red-800 hover:bg-red-50" : "bg-stone-900 text-white hover:bg-stone-700"}`}
            >
              {next === "live" && status === "paused" ? "Resume" : LABEL[next]}
            </button>
          </form>
        ))}
      </div>
      <FormMessage state={state} />
      {state.fieldErrors && Object.values(state.fieldErrors).length > 1 && (
        <p className="text-sm text-red-700">{Object.values(state.fieldErrors).join(" ")}</p>
      )}
    </div>
  );
}
