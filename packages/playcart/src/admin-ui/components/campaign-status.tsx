"use client";

import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction, useAdminHref } from "./admin-actions.tsx";
import { FormMessage } from "./form-message.tsx";

const LABEL: Record<string, string> = { live: "Publish", paused: "Pause", ended: "End" };

/**
 * Publish / pause / resume / end, as the campaign's status allows. When publishing is refused
 * because another live campaign holds the placement, one button pauses that one and publishes
 * this one (a single transaction on the server).
 */
export function CampaignStatus({ id, status, allowed }: { id: string; status: string; allowed: string[] }) {
  const [state, action, pending] = useActionState(useAdminAction("setCampaignStatus"), idle);
  const href = useAdminHref();
  const conflict = state.status === "invalid" ? state.conflict : undefined;
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
      {conflict && (
        <form action={action} className="playcart-admin-row">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value="live" />
          <input type="hidden" name="pauseFirst" value={conflict.id} />
          <button type="submit" disabled={pending} className="playcart-admin-button-secondary">
            Pause “{conflict.name}” and publish
          </button>
          <a href={href(`campaigns/${conflict.id}`)} className="playcart-admin-link playcart-admin-small">
            Open “{conflict.name}”
          </a>
        </form>
      )}
      {state.fieldErrors && Object.values(state.fieldErrors).length > 1 && (
        <p className="playcart-admin-small playcart-admin-error">{Object.values(state.fieldErrors).join(" ")}</p>
      )}
    </div>
  );
}
