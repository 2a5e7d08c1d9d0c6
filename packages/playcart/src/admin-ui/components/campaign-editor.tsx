"use client";

// The campaign editor: basics, audience, prizes, schedule, plays and a live preview. It posts
// the whole campaign as JSON; the server validates it again (packages/playcart/src/games/campaign-draft.ts)
// and answers with field errors keyed by path ("prizes.0.budgetValueMinor").
import { DateTime } from "luxon";
import { useRouter } from "next/navigation.js";
import { useActionState, useEffect, useState } from "react";
import type { BudgetMeter, CampaignDraft, WeeklyWindow } from "../../client.ts";
import { previewSeason } from "../../client.ts";
import { idle } from "../action-state.ts";
import type { ConditionOptions } from "../condition-fields.ts";
import { toMinor, toUnits } from "../format.ts";
import { useAdminAction, useAdminHref } from "./admin-actions.tsx";
import { AudienceBuilder } from "./audience-builder.tsx";
import { AudienceEstimate } from "./audience-estimate.tsx";
import { BudgetFields, type BudgetText } from "./budget-fields.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { GamePreview } from "./game-preview.tsx";
import { OfficialRulesFields } from "./official-rules-fields.tsx";
import { type CatalogProduct, type PrizeRow, PrizeTableEditor } from "./prize-table-editor.tsx";
import { ScheduleEditor } from "./schedule-editor.tsx";
import { SeasonEditor, seasonFromDates } from "./season-editor.tsx";
import { SubmitButton } from "./submit-button.tsx";

export type EditorProps = {
  campaignId: string | null;
  draft: CampaignDraft;
  prizeStats: Record<string, { wins: number; valueAwardedMinor: number }>;
  currency: string;
  timeZone: string;
  now: string;
  tiers: { name: string; label: string }[];
  conditions: ConditionOptions;
  readOnly?: boolean;
  /** The stored campaign's budget spend, and whether it can pay for another win (null: new). */
  meter?: BudgetMeter | null;
  spentOut?: "total" | "daily" | null;
  /** The store's products, for free-product prizes (null: the host lists none; a ref is typed). */
  products?: CatalogProduct[] | null;
};

const GAMES = [
  ["spin_wheel", "Spin the wheel"],
  ["shake_tree", "Shake the tree"],
  ["scratch_card", "Scratch card"],
  ["advent_calendar", "Advent calendar"],
] as const;
const PLACEMENTS = [
  ["checkout_first_order", "Checkout, first order"],
  ["checkout_returning", "Checkout, returning shopper"],
  ["seasonal_page", "Seasonal page (advent calendar)"],
  ["comeback", "Comeback (reminder link and exit nudge)"],
] as const;

const toRows = (d: CampaignDraft, stats: EditorProps["prizeStats"], currency: string): PrizeRow[] =>
  d.prizes.map((p) => ({
    id: p.id,
    label: p.label,
    weight: String(p.weight),
    rewardType: p.rewardType,
    rewardValue: p.rewardType === "amount_off" ? toUnits(p.rewardValue, currency) : String(p.rewardValue),
    productRef: p.productRef ?? "",
    maxDiscount: toUnits(p.maxDiscountMinor, currency),
    cost: toUnits(p.costMinor, currency),
    budget: toUnits(p.budgetValueMinor, currency),
    inventory: p.inventory === null ? "" : String(p.inventory),
    dailyCap: p.dailyCap === null ? "" : String(p.dailyCap),
    wins: (p.id && stats[p.id]?.wins) || 0,
    valueAwardedMinor: (p.id && stats[p.id]?.valueAwardedMinor) || 0,
  }));

// A typed value that is not a number goes to the server as text, so it is refused with a
// message instead of being read as "no limit".
const num = (s: string) => (s.trim() === "" ? null : Number.isNaN(Number(s)) ? s : Number(s));
const minor = (s: string, currency: string) => {
  const m = toMinor(s, currency);
  return m !== null && Number.isNaN(m) ? s : m;
};

function toDraftJson(base: CampaignDraft, rows: PrizeRow[], budget: BudgetText, currency: string) {
  return {
    ...base,
    budgetTotalMinor: minor(budget.total, currency),
    budgetDailyMinor: minor(budget.daily, currency),
    prizes: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      label: r.label,
      weight: num(r.weight) ?? 0,
      rewardType: r.rewardType,
      rewardValue:
        r.rewardType === "amount_off"
          ? (minor(r.rewardValue, currency) ?? 0)
          : r.rewardType === "percent_off" || r.rewardType === "bonus_points"
            ? (num(r.rewardValue) ?? 0)
            : 0,
      productRef: r.rewardType === "free_product" ? r.productRef || null : null,
      // Only a percentage has a ceiling to set, and a "no prize" no wins to cap.
      maxDiscountMinor: r.rewardType === "percent_off" ? minor(r.maxDiscount, currency) : null,
      costMinor: minor(r.cost, currency) ?? 0,
      budgetValueMinor: minor(r.budget, currency),
      inventory: num(r.inventory),
      dailyCap: r.rewardType === "none" ? null : num(r.dailyCap),
    })),
  };
}

const localInput = (iso: string | null, zone: string) =>
  iso ? DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : "";
const fromLocal = (value: string, zone: string) => (value ? DateTime.fromISO(value, { zone }).toUTC().toISO() : null);

export function CampaignEditor(props: EditorProps) {
  const { currency, timeZone } = props;
  const router = useRouter();
  const href = useAdminHref();
  const [state, action] = useActionState(useAdminAction("saveCampaign"), idle);
  const [draft, setDraft] = useState<CampaignDraft>(props.draft);
  const [rows, setRows] = useState<PrizeRow[]>(() => toRows(props.draft, props.prizeStats, currency));
  const [budget, setBudget] = useState<BudgetText>({
    total: toUnits(props.draft.budgetTotalMinor, currency),
    daily: toUnits(props.draft.budgetDailyMinor, currency),
  });
  const errors = state.fieldErrors ?? {};
  const set = (patch: Partial<CampaignDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    if (state.status === "ok" && state.id && !props.campaignId) router.push(href(`campaigns/${state.id}`));
  }, [state, props.campaignId, router, href]);

  // A campaign runs between dates or repeats every year: ticking the box turns its dates into
  // a season, unticking turns the season into its next run, so nothing typed is lost.
  const run = draft.season ? previewSeason(draft.season, new Date(props.now), timeZone) : null;
  const setRepeats = (on: boolean) =>
    on
      ? set({
          season: seasonFromDates(draft.startsAt, draft.endsAt, props.now, timeZone),
          startsAt: null,
          endsAt: null,
        })
      : set({ season: null, startsAt: run?.startsAt ?? null, endsAt: run?.endsAt ?? null });

  const payload = JSON.stringify(toDraftJson(draft, rows, budget, currency));
  const section = "space-y-3 rounded-2xl border border-stone-200 bg-white/60 p-4";
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      <input type="hidden" name="id" value={props.campaignId ?? ""} />
      <input type="hidden" name="draft" value={payload} />
      <fieldset disabled={props.readOnly} className="playcart-admin-stack">
        <section className={section} aria-labelledby="basics-h">
          <h2 id="basics-h" className="playcart-admin-heading">
            Basics
          </h2>
          <div className="playcart-admin-grid">
            <Field label="Name" error={errors.name}>
              {(a) => (
                <input
                  {...a}
                  value={draft.name}
                  onChange={(e) => set({ name: e.target.value })}
                  className={inputClass}
                />
              )}
            </Field>
            <Field label="Slug" error={errors.slug} hint="Its odds page: /odds/slug">
              {(a) => (
                <input
                  {...a}
                  value={draft.slug}
                  onChange={(e) => set({ slug: e.target.value })}
                  className={inputClass}
                />
              )}
            </Field>
            <Field label="Game" error={errors.gameType}>
              {(a) => (
                <select
                  {...a}
                  value={draft.gameType}
                  onChange={(e) => set({ gameType: e.target.value as CampaignDraft["gameType"] })}
                  className={inputClass}
                >
                  {GAMES.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Placement" error={errors.placement}>
              {(a) => (
                <select
                  {...a}
                  value={draft.placement}
                  onChange={(e) => set({ placement: e.target.value as CampaignDraft["placement"] })}
                  className={inputClass}
                >
                  {PLACEMENTS.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Prizes apply to" error={errors.rewardScope}>
              {(a) => (
                <select
                  {...a}
                  value={draft.rewardScope}
                  onChange={(e) => set({ rewardScope: e.target.value as CampaignDraft["rewardScope"] })}
                  className={inputClass}
                >
                  <option value="this_order">This order</option>
                  <option value="next_order">The next order</option>
                </select>
              )}
            </Field>
            <Field label="Rewards valid for (days)" error={errors.rewardValidDays}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={String(draft.rewardValidDays)}
                  onChange={(e) => set({ rewardValidDays: Number(e.target.value) })}
                  className={inputClass}
                />
              )}
            </Field>
            <Field
              label="Holdout (%)"
              error={errors.holdoutPercent}
              hint="Shoppers kept from the game to measure its lift (0-50)."
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={String(draft.holdoutPercent)}
                  onChange={(e) => set({ holdoutPercent: Number(e.target.value) })}
                  className={inputClass}
                />
              )}
            </Field>
          </div>
        </section>

        <section className={section} aria-labelledby="audience-h">
          <h2 id="audience-h" className="playcart-admin-heading">
            Audience
          </h2>
          <AudienceBuilder
            value={draft.audience}
            onChange={(audience) => set({ audience })}
            options={props.conditions}
            error={errors.audience}
          />
          <AudienceEstimate audience={draft.audience} />
        </section>

        <section id="prizes" className={section} aria-labelledby="prizes-h">
          <h2 id="prizes-h" className="playcart-admin-heading">
            Prizes
          </h2>
          <PrizeTableEditor
            rows={rows}
            onChange={setRows}
            currency={currency}
            errors={errors}
            products={props.products ?? null}
          />
        </section>

        <section id="official-rules" className={section} aria-labelledby="official-rules-h">
          <h2 id="official-rules-h" className="playcart-admin-heading">
            Official rules
          </h2>
          <OfficialRulesFields
            draft={draft}
            set={set}
            slices={rows.map((r) => ({ rewardType: r.rewardType, weight: Number(r.weight) || 0 }))}
            errors={errors}
          />
        </section>

        <section id="budget" className={section} aria-labelledby="budget-h">
          <h2 id="budget-h" className="playcart-admin-heading">
            Budget
          </h2>
          <BudgetFields
            value={budget}
            onChange={setBudget}
            currency={currency}
            errors={errors}
            meter={props.meter ?? null}
            spentOut={props.spentOut ?? null}
          />
        </section>

        <section className={section} aria-labelledby="schedule-h">
          <h2 id="schedule-h" className="playcart-admin-heading">
            Schedule
          </h2>
          <div className="playcart-admin-stack-sm">
            <label className="playcart-admin-row playcart-admin-small playcart-admin-strong">
              <input
                type="checkbox"
                checked={draft.season !== null}
                onChange={(e) => setRepeats(e.target.checked)}
                aria-invalid={Boolean(errors.season)}
                aria-describedby={errors.season ? "season-error" : undefined}
              />
              Repeats every year
            </label>
            {errors.season && (
              <p id="season-error" className="playcart-admin-small playcart-admin-error">
                {errors.season}
              </p>
            )}
          </div>
          {draft.season && (
            <SeasonEditor
              season={draft.season}
              onChange={(season) => set({ season })}
              timeZone={timeZone}
              now={props.now}
              errors={errors}
            />
          )}
          {/* Shown with a season only when dates came with it (refused on save: clear them). */}
          {(!draft.season || draft.startsAt || draft.endsAt) && (
            <div className="playcart-admin-grid">
              <Field label={`Starts (${timeZone})`} error={errors.startsAt} hint="Empty: as soon as it is published.">
                {(a) => (
                  <input
                    {...a}
                    type="datetime-local"
                    value={localInput(draft.startsAt, timeZone)}
                    onChange={(e) => set({ startsAt: fromLocal(e.target.value, timeZone) })}
                    className={inputClass}
                  />
                )}
              </Field>
              <Field label={`Ends (${timeZone})`} error={errors.endsAt} hint="Empty: until it is ended.">
                {(a) => (
                  <input
                    {...a}
                    type="datetime-local"
                    value={localInput(draft.endsAt, timeZone)}
                    onChange={(e) => set({ endsAt: fromLocal(e.target.value, timeZone) })}
                    className={inputClass}
                  />
                )}
              </Field>
            </div>
          )}
          <ScheduleEditor
            windows={draft.windows as WeeklyWindow[]}
            onChange={(windows) => set({ windows })}
            timeZone={timeZone}
            now={props.now}
            startsAt={run?.startsAt ?? draft.startsAt}
            endsAt={run?.endsAt ?? draft.endsAt}
            errors={errors}
          />
        </section>

        <section className={section} aria-labelledby="plays-h">
          <h2 id="plays-h" className="playcart-admin-heading">
            Plays
          </h2>
          <div className="playcart-admin-grid">
            <Field
              label="Plays per window"
              error={errors["allowance.default"]}
              hint="Per shopper, per window (or per store day without windows)."
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={String(draft.allowance.default)}
                  onChange={(e) => set({ allowance: { ...draft.allowance, default: Number(e.target.value) } })}
                  className={inputClass}
                />
              )}
            </Field>
            {props.tiers.slice(1).map((t) => (
              <Field
                key={t.name}
                label={`Plays for ${t.label}`}
                error={errors[`allowance.byTier.${t.name}`]}
                hint="Empty: as above."
              >
                {(a) => (
                  <input
                    {...a}
                    inputMode="numeric"
                    value={draft.allowance.byTier?.[t.name] === undefined ? "" : String(draft.allowance.byTier[t.name])}
                    onChange={(e) => {
                      const byTier = { ...(draft.allowance.byTier ?? {}) };
                      if (e.target.value.trim() === "") delete byTier[t.name];
                      else byTier[t.name] = Number(e.target.value);
                      set({ allowance: { ...draft.allowance, byTier } });
                    }}
                    className={inputClass}
                  />
                )}
              </Field>
            ))}
            <Field
              label="Lifetime limit per shopper"
              error={errors.lifetimeLimit}
              hint={draft.season ? "Counts afresh every year. Empty: no limit." : "Empty: no lifetime limit."}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={draft.lifetimeLimit === null ? "" : String(draft.lifetimeLimit)}
                  onChange={(e) => set({ lifetimeLimit: e.target.value.trim() === "" ? null : Number(e.target.value) })}
                  className={inputClass}
                />
              )}
            </Field>
          </div>
        </section>
      </fieldset>

      <section className={section} aria-labelledby="preview-h">
        <h2 id="preview-h" className="playcart-admin-heading">
          Preview
        </h2>
        <GamePreview
          offer={{
            campaignId: props.campaignId ?? "preview",
            slug: draft.slug,
            name: draft.name || "Your campaign",
            gameType: draft.gameType,
            rewardScope: draft.rewardScope,
            segments: rows.map((r) => r.label || "?"),
            playsLeft: Math.max(1, draft.allowance.default),
          }}
          weights={rows.map((r) => Number(r.weight) || 0)}
          validDays={draft.rewardValidDays}
          now={props.now}
          timeZone={timeZone}
        />
      </section>

      {!props.readOnly && (
        <div className="playcart-admin-sticky playcart-admin-row">
          <SubmitButton pendingLabel="Saving…">{props.campaignId ? "Save campaign" : "Create campaign"}</SubmitButton>
          <FormMessage state={state} />
          {state.status === "invalid" && Object.keys(errors).length > 0 && (
            <ul className="playcart-admin-full playcart-admin-bullets playcart-admin-small playcart-admin-error">
              {Object.entries(errors).map(([k, v]) => (
                <li key={k}>{v}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
