"use client";

// The campaign's official-rules settings: a free way to enter, "every play wins", and extra
// terms for its rules page. A game that comes with a purchase and can lose cannot be published
// without one of the first two: the editor says so at the field as the owner types, and the
// server refuses the publish (games/entry-requirement.ts) with the same words.
import { useId } from "react";
import type { CampaignDraft } from "../../client.ts";
import { entryRequirementErrors } from "../../client.ts";
import { inputClass } from "./field.tsx";

type Props = {
  draft: CampaignDraft;
  set: (patch: Partial<CampaignDraft>) => void;
  /** The table as typed (weights and reward types), which decides whether a play can lose. */
  slices: { rewardType: CampaignDraft["prizes"][number]["rewardType"]; weight: number }[];
  errors: Record<string, string>;
};

export function OfficialRulesFields({ draft, set, slices, errors }: Props) {
  const id = useId();
  const needed = entryRequirementErrors({ ...draft, prizes: slices }).freeEntry;
  const freeError = errors.freeEntry ?? (needed ? `Needed before publishing: ${needed.toLowerCase()}.` : undefined);
  return (
    <div className="playcart-admin-stack-sm">
      <div className="playcart-admin-stack-sm">
        <label className="playcart-admin-row playcart-admin-small playcart-admin-strong">
          <input
            type="checkbox"
            checked={draft.freeEntry}
            onChange={(e) => set({ freeEntry: e.target.checked })}
            aria-invalid={Boolean(freeError)}
            aria-describedby={`${id}-free-hint${freeError ? ` ${id}-free-error` : ""}`}
          />
          Free entry (no purchase necessary)
        </label>
        <p id={`${id}-free-hint`} className="playcart-admin-tiny playcart-admin-muted">
          Anyone may ask for a free play by email on the game's free entry page: the same prizes, the same odds, one per
          email each time the game opens. The rules page describes it.
        </p>
        {freeError && (
          <p id={`${id}-free-error`} className="playcart-admin-small playcart-admin-error">
            {freeError}
          </p>
        )}
      </div>
      <div className="playcart-admin-stack-sm">
        <label className="playcart-admin-row playcart-admin-small playcart-admin-strong">
          <input
            type="checkbox"
            checked={draft.everyPlayWins}
            onChange={(e) => set({ everyPlayWins: e.target.checked })}
            aria-describedby={`${id}-wins-hint`}
          />
          Every play wins
        </label>
        <p id={`${id}-wins-hint`} className="playcart-admin-tiny playcart-admin-muted">
          No “no prize” slice may be saved, and once every prize is gone the game is no longer offered.
        </p>
      </div>
      <div className="playcart-admin-stack-sm">
        <label htmlFor={`${id}-terms`} className="playcart-admin-block playcart-admin-small playcart-admin-strong">
          Extra terms
        </label>
        <textarea
          id={`${id}-terms`}
          rows={3}
          value={draft.extraTerms ?? ""}
          onChange={(e) => set({ extraTerms: e.target.value || null })}
          aria-invalid={Boolean(errors.extraTerms)}
          aria-describedby={`${id}-terms-hint${errors.extraTerms ? ` ${id}-terms-error` : ""}`}
          className={inputClass}
        />
        <p id={`${id}-terms-hint`} className="playcart-admin-tiny playcart-admin-muted">
          Optional: shown at the end of the campaign's official rules, one paragraph per line.
        </p>
        {errors.extraTerms && (
          <p id={`${id}-terms-error`} className="playcart-admin-small playcart-admin-error">
            {errors.extraTerms}
          </p>
        )}
      </div>
    </div>
  );
}
