// Campaign changes from the admin: create, edit, publish, pause, end. Each is one
// transaction that validates, writes and records an audit entry with before and after.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { isUniqueViolation } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { type Campaign, type CampaignSeason, campaigns, type Prize, plays, prizes } from "../core/schema.ts";
import type { WeeklyWindow } from "../core/store-time.ts";
import {
  type CampaignDraft,
  campaignDates,
  campaignDraftSchema,
  draftErrors,
  entryRequirementErrors,
  isUnlimited,
  recordRulesVersion,
  withPrizeTallies,
} from "../games/index.ts";
import { recordAudit } from "./audit.ts";
import { assertBudgetLeft, budgetValues } from "./campaign-budget-admin.ts";

export class CampaignInputError extends EngageError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalid:input", Object.values(fieldErrors)[0] ?? "Invalid campaign");
  }
}

/** Publishing would put two live campaigns at one placement at once: names the one in the way. */
export class CampaignOverlapError extends CampaignInputError {
  constructor(readonly conflict: { id: string; name: string }) {
    super({ placement: `Overlaps the live campaign “${conflict.name}” at the same placement and time` });
  }
}

export type CampaignStatus = Campaign["status"];
// Which status changes the admin offers: publish, pause, resume, end. Ended is final.
const TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ["live", "ended"],
  live: ["paused", "ended"],
  paused: ["live", "ended"],
  ended: [],
};
export const allowedTransitions = (from: CampaignStatus) => TRANSITIONS[from];

export async function listCampaigns(db: EngageDb) {
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      gameType: campaigns.gameType,
      placement: campaigns.placement,
      status: campaigns.status,
      holdoutPercent: campaigns.holdoutPercent,
      budgetTotalMinor: campaigns.budgetTotalMinor,
      budgetDailyMinor: campaigns.budgetDailyMinor,
      budgetSpentMinor: campaigns.budgetSpentMinor,
      budgetDay: campaigns.budgetDay,
      budgetDaySpentMinor: campaigns.budgetDaySpentMinor,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .orderBy(
      asc(sql`array_position(array['live','paused','draft','ended'], ${campaigns.status}::text)`),
      desc(campaigns.updatedAt),
    );
}

export async function campaignWithPrizes(
  db: EngageDb,
  id: string,
): Promise<{ campaign: Campaign; prizes: Prize[] } | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) return null;
  const table = await db.select().from(prizes).where(eq(prizes.campaignId, id)).orderBy(asc(prizes.position));
  return { campaign, prizes: await withPrizeTallies(db, id, table) };
}

/** The draft as stored (for the editor and the audit trail's before/after). */
export function toDraft(c: Campaign, table: Prize[]): CampaignDraft {
  return {
    name: c.name,
    slug: c.slug,
    gameType: c.gameType,
    placement: c.placement,
    audience: c.audience,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    season: c.season,
    windows: c.windows as WeeklyWindow[],
    allowance: c.allowance,
    lifetimeLimit: c.lifetimeLimit,
    rewardScope: c.rewardScope,
    rewardValidDays: c.rewardValidDays,
    holdoutPercent: c.holdoutPercent,
    budgetTotalMinor: c.budgetTotalMinor,
    budgetDailyMinor: c.budgetDailyMinor,
    freeEntry: c.freeEntry,
    everyPlayWins: c.everyPlayWins,
    extraTerms: c.extraTerms,
    prizes: table.map((p) => ({
      id: p.id,
      label: p.label,
      weight: p.weight,
      rewardType: p.rewardType,
      rewardValue: p.rewardValue,
      productRef: p.productRef,
      maxDiscountMinor: p.maxDiscountMinor,
      costMinor: p.costMinor,
      inventory: p.inventory,
      budgetValueMinor: p.budgetValueMinor,
      dailyCap: p.dailyCap,
    })),
  };
}

export function parseDraft(input: unknown): CampaignDraft {
  const parsed = campaignDraftSchema.safeParse(input);
  if (!parsed.success) throw new CampaignInputError(draftErrors(parsed.error));
  return parsed.data;
}

type Schedule = {
  startsAt: Date | null;
  endsAt: Date | null;
  season: CampaignSeason | null;
  windows: WeeklyWindow[];
};
/** The store's clock: a season's runs are worked out in its time zone, from now on. */
export type StoreClock = { now: Date; timeZone: string };

/** A schedule's date ranges as [start, end) in ms: its fixed dates, or `runs` runs of its season from `from`. */
function dateRanges(s: Schedule, from: Date, timeZone: string, runs: number): [number, number][] {
  if (!s.season) return [[s.startsAt?.getTime() ?? -Infinity, s.endsAt?.getTime() ?? Infinity]];
  const out: [number, number][] = [];
  for (let at = from; out.length < runs; ) {
    const { startsAt, endsAt } = campaignDates(s, at, timeZone);
    if (!startsAt || !endsAt) break;
    out.push([startsAt.getTime(), endsAt.getTime()]);
    at = endsAt;
  }
  return out;
}

/** Two schedules share a moment: their dates overlap and, if both have weekly windows, two windows do. */
export function schedulesOverlap(a: Schedule, b: Schedule, clock: StoreClock): boolean {
  // A season only matters from now on. Against fixed dates, its run under way (or next) from
  // whichever is later, now or their start, decides; two seasons repeat every year, so if they
  // ever meet, they meet within the next two runs of each.
  const fixedStarts = [a, b].filter((s) => !s.season).map((s) => s.startsAt?.getTime() ?? -Infinity);
  const from = new Date(Math.max(clock.now.getTime(), ...fixedStarts));
  const runs = a.season && b.season ? 2 : 1;
  const floor = a.season || b.season ? from.getTime() : -Infinity;
  const bRanges = dateRanges(b, from, clock.timeZone, runs);
  const datesMeet = dateRanges(a, from, clock.timeZone, runs).some(([aStart, aEnd]) =>
    bRanges.some(([bStart, bEnd]) => Math.max(aStart, bStart, floor) < Math.min(aEnd, bEnd)),
  );
  if (!datesMeet) return false;
  // A windowed campaign deliberately wins over an always-on one while open (liveCampaigns),
  // so only two always-on ones, or two windowed ones sharing a window, conflict.
  if (a.windows.length === 0 || b.windows.length === 0) return a.windows.length === 0 && b.windows.length === 0;
  return a.windows.some((w) => b.windows.some((o) => o.weekday === w.weekday && o.start < w.end && w.start < o.end));
}

/** Throws when another live campaign at the same placement would be open at the same time. */
async function assertNoLiveOverlap(
  db: EngageDb,
  id: string | null,
  placement: Campaign["placement"],
  schedule: Schedule,
  clock: StoreClock,
) {
  const others = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      startsAt: campaigns.startsAt,
      endsAt: campaigns.endsAt,
      season: campaigns.season,
      windows: campaigns.windows,
    })
    .from(campaigns)
    .where(
      and(eq(campaigns.placement, placement), eq(campaigns.status, "live"), id ? ne(campaigns.id, id) : undefined),
    );
  const clash = others.find((o) => schedulesOverlap(schedule, { ...o, windows: o.windows as WeeklyWindow[] }, clock));
  if (clash) throw new CampaignOverlapError({ id: clash.id, name: clash.name });
}

const scheduleOf = (d: CampaignDraft): Schedule => ({
  startsAt: d.startsAt ? new Date(d.startsAt) : null,
  endsAt: d.endsAt ? new Date(d.endsAt) : null,
  season: d.season,
  windows: d.windows,
});

/** A game with a purchase that can lose needs a free entry or "every play wins" (entry-requirement.ts). */
function assertEntryRequirement(c: Parameters<typeof entryRequirementErrors>[0]) {
  const errors = entryRequirementErrors(c);
  if (Object.keys(errors).length) throw new CampaignInputError(errors);
}

/** Creates (id null) or edits a campaign and its prize table. Returns the campaign id. */
export async function saveCampaign(
  db: EngageDb,
  actor: string,
  id: string | null,
  input: unknown,
  clock: StoreClock,
): Promise<string> {
  const draft = parseDraft(input);
  try {
    return await db.transaction(async (tx) => {
      const existing = id ? await campaignWithPrizes(tx, id) : null;
      if (id && !existing) throw new EngageError("invalid:input", "This campaign no longer exists.");
      if (existing?.campaign.status === "ended")
        throw new CampaignInputError({ form: "An ended campaign cannot be edited" });
      if (existing?.campaign.status === "live")
        await assertNoLiveOverlap(tx, id, draft.placement, scheduleOf(draft), clock);
      // A public campaign's rules must stay lawful: the same check as publishing.
      if (existing && existing.campaign.status !== "draft") assertEntryRequirement(draft);
      const values = {
        name: draft.name,
        slug: draft.slug,
        gameType: draft.gameType,
        placement: draft.placement,
        audience: draft.audience ?? true,
        startsAt: draft.startsAt ? new Date(draft.startsAt) : null,
        endsAt: draft.endsAt ? new Date(draft.endsAt) : null,
        season: draft.season,
        windows: draft.windows,
        allowance: draft.allowance,
        lifetimeLimit: draft.lifetimeLimit,
        rewardScope: draft.rewardScope,
        rewardValidDays: draft.rewardValidDays,
        holdoutPercent: draft.holdoutPercent,
        freeEntry: draft.freeEntry,
        everyPlayWins: draft.everyPlayWins,
        extraTerms: draft.extraTerms,
        ...(await budgetValues(tx, existing?.campaign ?? null, draft, clock)),
        updatedAt: new Date(),
      };
      const campaignId = existing
        ? (
            await tx
              .update(campaigns)
              .set(values)
              .where(eq(campaigns.id, existing.campaign.id))
              .returning({ id: campaigns.id })
          )[0].id
        : (
            await tx
              .insert(campaigns)
              .values({ ...values, status: "draft" })
              .returning({ id: campaigns.id })
          )[0].id;
      await savePrizes(tx, campaignId, existing?.prizes ?? [], draft);
      // A change to what the rules say publishes their next version (none while a draft).
      await recordRulesVersion(tx, campaignId, clock.now);
      const after = await campaignWithPrizes(tx, campaignId);
      await recordAudit(tx, {
        actor,
        action: existing ? "campaign.update" : "campaign.create",
        entity: "campaign",
        entityId: campaignId,
        before: existing ? toDraft(existing.campaign, existing.prizes) : null,
        after: after ? toDraft(after.campaign, after.prizes) : null,
      });
      return campaignId;
    });
  } catch (err) {
    if (isUniqueViolation(err, "slug"))
      throw new CampaignInputError({ slug: "Another campaign already uses this slug" });
    throw err;
  }
}

/** Updates prizes by id, adds new ones, removes dropped ones that were never drawn. */
async function savePrizes(tx: EngageDb, campaignId: string, current: Prize[], draft: CampaignDraft) {
  const keep = new Set(draft.prizes.map((p) => p.id).filter(Boolean));
  const dropped = current.filter((p) => !keep.has(p.id));
  if (dropped.length) {
    const drawn = await tx
      .select({ prizeId: plays.prizeId })
      .from(plays)
      .where(
        inArray(
          plays.prizeId,
          dropped.map((p) => p.id),
        ),
      )
      .limit(1);
    if (drawn.length) {
      const label = dropped.find((p) => p.id === drawn[0].prizeId)?.label;
      throw new CampaignInputError({
        prizes: `“${label}” has been drawn and cannot be removed; set its weight to 0 instead`,
      });
    }
    await tx.delete(prizes).where(
      inArray(
        prizes.id,
        dropped.map((p) => p.id),
      ),
    );
  }
  for (const [position, p] of draft.prizes.entries()) {
    const old = p.id ? current.find((c) => c.id === p.id) : undefined;
    if (p.id && !old)
      throw new CampaignInputError({ [`prizes.${position}.label`]: "This prize belongs to another campaign" });
    if (old && p.budgetValueMinor !== null && p.budgetValueMinor < old.valueAwardedMinor)
      throw new CampaignInputError({
        [`prizes.${position}.budgetValueMinor`]: `Budget is below the ${old.valueAwardedMinor} already awarded`,
      });
    if (old && p.inventory !== null && p.inventory < old.wins)
      throw new CampaignInputError({
        [`prizes.${position}.inventory`]: `Inventory is below the ${old.wins} already won`,
      });
    const { id: _id, ...values } = p;
    // A prize that gets its first limit starts its own counters from its tally so far
    // (withPrizeTallies): plays of it until now count against the new limit.
    const counters =
      old && isUnlimited(old) && !isUnlimited(p) ? { wins: old.wins, valueAwardedMinor: old.valueAwardedMinor } : {};
    if (old)
      await tx
        .update(prizes)
        .set({ ...values, ...counters, position })
        .where(eq(prizes.id, old.id));
    else await tx.insert(prizes).values({ ...values, position, campaignId });
  }
}

/**
 * Publish (live), pause, resume or end. Publishing checks the table and overlapping live
 * campaigns; `pauseFirst` names a live campaign to pause in the same transaction (the one the
 * owner was told is in the way), so the store never has both live, nor neither by accident.
 */
export async function setCampaignStatus(
  db: EngageDb,
  actor: string,
  id: string,
  status: CampaignStatus,
  clock: StoreClock,
  opts: { pauseFirst?: string } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!campaign) throw new CampaignInputError({ form: "This campaign no longer exists" });
    if (!TRANSITIONS[campaign.status].includes(status))
      throw new CampaignInputError({ form: `A ${campaign.status} campaign cannot become ${status}` });
    if (status === "live") {
      const table = await tx
        .select({ weight: prizes.weight, rewardType: prizes.rewardType, costMinor: prizes.costMinor })
        .from(prizes)
        .where(eq(prizes.campaignId, id))
        .orderBy(asc(prizes.position), asc(prizes.id));
      if (!table.some((p) => p.weight > 0))
        throw new CampaignInputError({ prizes: "All prize weights are zero: no prize could ever be drawn" });
      assertEntryRequirement({ ...campaign, prizes: table });
      assertBudgetLeft(campaign, table, clock);
      if (opts.pauseFirst) await pauseInTheWay(tx, actor, opts.pauseFirst, campaign);
      await assertNoLiveOverlap(
        tx,
        id,
        campaign.placement,
        {
          startsAt: campaign.startsAt,
          endsAt: campaign.endsAt,
          season: campaign.season,
          windows: campaign.windows as WeeklyWindow[],
        },
        clock,
      );
    } else if (opts.pauseFirst) throw new CampaignInputError({ form: "Only publishing pauses another campaign" });
    await tx.update(campaigns).set({ status, updatedAt: new Date() }).where(eq(campaigns.id, id));
    // Publishing publishes the rules: their first version, or the next if they changed.
    if (status === "live") await recordRulesVersion(tx, id, clock.now);
    await recordAudit(tx, {
      actor,
      action: `campaign.${status === "live" ? "publish" : status === "paused" ? "pause" : "end"}`,
      entity: "campaign",
      entityId: id,
      before: { status: campaign.status },
      after: { status },
    });
  });
}

/** Pauses the live campaign at the same placement that stands in the way of publishing `publishing`. */
async function pauseInTheWay(tx: EngageDb, actor: string, otherId: string, publishing: Campaign) {
  if (otherId === publishing.id) throw new CampaignInputError({ form: "A campaign cannot pause itself" });
  const [other] = await tx.select().from(campaigns).where(eq(campaigns.id, otherId)).for("update");
  // Paused or ended meanwhile (by another owner): nothing to pause; the overlap check decides.
  if (other?.status !== "live") return;
  if (other.placement !== publishing.placement)
    throw new CampaignInputError({ form: `“${other.name}” runs at another placement and is not in the way` });
  await tx.update(campaigns).set({ status: "paused", updatedAt: new Date() }).where(eq(campaigns.id, other.id));
  await recordAudit(tx, {
    actor,
    action: "campaign.pause",
    entity: "campaign",
    entityId: other.id,
    before: { status: "live" },
    after: { status: "paused", reason: `to publish “${publishing.name}”` },
  });
}
