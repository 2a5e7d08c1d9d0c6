"use client";

import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { FormMessage } from "./form-message.tsx";

const LABEL: Record<string, string> = { live: "Publish", paused: "Pause", ended: "End" };

/** Publish / pause / resume / end, as the campaign's status allows. */
export function CampaignStatus({ id, status, allowed }: { id: string; status: string; allowed: string[] }) {
  const [state, action, pending] = useActionState(useAdminAction("setCampaignStatus"), idle);
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-small">
        Status: <strong data-testid="campaign-status">{status}</strong>
      </p>
      <div className="playcart-admin-row">
        {allowed.map((next) => (
          <form key={next} action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="status" value={next} />
            <button
              type="submit"
              disabled={pending}
              className={next === "ended" ? "playcart-admin-button-danger" : "playcart-admin-button"}
            >
              {next === "live" && status === "paused" ? "Resume" : LABEL[next]}
            </button>
          </form>
        ))}
      </div>
      <FormMessage state={state} />
      {state.fieldErrors && Object.values(state.fieldErrors).length > 1 && (
        <p className="playcart-admin-small playcart-admin-error">{Object.values(state.fieldErrors).join(" ")}</p>
      )}
    </div>
  );
}
