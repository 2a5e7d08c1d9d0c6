// The seeds behind provably fair draws: one per campaign per draw period. The period is the
// store day (YYYY-MM-DD in the store's time zone), the unit every daily limit already counts
// in; its seed is revealed at the start of the next store day. A seed is created the first time
// its period (or the one before it) is offered, shown or played, and never changes after that
// (the table refuses updates), so Playcart keeps them in process: a play reads no seed from the
// database once its campaign's period has been seen by this process.
import { and, desc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { EngageDb } from "../core/db.ts";
import { type Campaign, campaigns, type DrawSeed, drawSeeds } from "../core/schema.ts";
import { commitmentOf, newSeed } from "./fair-draw.ts";

/** What may be published about a period before it ends: never the seed. */
export type DrawCommitment = { period: string; commitment: string; revealsAt: Date };

/** The draw period `now` falls in (the store day) and when its seed is revealed (the next store day's start). */
export function drawPeriod(now: Date, timeZone: string): { period: string; revealsAt: Date; next: string } {
  const day = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const next = day.plus({ days: 1 });
  return { period: day.toISODate()!, revealsAt: next.toJSDate(), next: next.toISODate()! };
}

/** When a period's seed is revealed: the start of the store day after it. */
export function periodEnd(period: string, timeZone: string): Date {
  return DateTime.fromISO(period, { zone: timeZone }).plus({ days: 1 }).toJSDate();
}

// Seeds never change once written, so a cached one is never stale. Bounded: the oldest entries
// go first (a process sees a few campaigns' periods a day).
const MAX_CACHED = 2000;
const cache = new Map<string, Promise<DrawSeed>>();

/** The campaign's seed for a period, created on first use; cached in process (seeds are immutable). */
export function periodSeed(db: EngageDb, campaignId: string, period: string, timeZone: string): Promise<DrawSeed> {
  const key = `${campaignId}|${period}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = seedRow(db, campaignId, period, periodEnd(period, timeZone));
  cache.set(key, loading);
  // A failed read is not remembered: the next play tries again.
  loading.catch(() => cache.delete(key));
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return loading;
}

async function seedRow(db: EngageDb, campaignId: string, period: string, revealsAt: Date): Promise<DrawSeed> {
  const seed = newSeed();
  // Two processes may create the same period's seed at once: the first insert wins and the
  // other reads the winner's row, so every play of the period draws from one seed.
  const [created] = await db
    .insert(drawSeeds)
    .values({ campaignId, period, seed, commitment: commitmentOf(seed), revealsAt })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(drawSeeds)
    .where(and(eq(drawSeeds.campaignId, campaignId), eq(drawSeeds.period, period)));
  if (!existing) throw new Error("draw seed: neither created nor found");
  return existing;
}

/** The commitment a game shows before play: today's, with tomorrow's created ahead of time. */
export async function currentCommitment(
  db: EngageDb,
  campaignId: string,
  now: Date,
  timeZone: string,
): Promise<DrawCommitment> {
  const { period, next } = drawPeriod(now, timeZone);
  const [today] = await Promise.all([
    periodSeed(db, campaignId, period, timeZone),
    periodSeed(db, campaignId, next, timeZone),
  ]);
  return publicPart(today);
}

const publicPart = (s: DrawSeed): DrawCommitment => ({
  period: s.period,
  commitment: s.commitment,
  revealsAt: s.revealsAt,
});

export type PublishedPeriod = DrawCommitment & {
  /** The seed, once its period has ended; null before. */
  seed: string | null;
  revealed: boolean;
};

export type PublishedDraws = {
  campaign: Pick<Campaign, "id" | "slug" | "name" | "status">;
  /** Newest period first. */
  periods: PublishedPeriod[];
};

/**
 * The public record of a campaign's draws: every period's commitment, and its seed once the
 * period is over. A live campaign's current and next periods are created when shown, so a
 * shopper can note the commitment before playing. Null for a missing or draft campaign.
 */
export async function publishedDraws(
  db: EngageDb,
  slug: string,
  at: { now: Date; timeZone: string; limit?: number },
): Promise<PublishedDraws | null> {
  const [campaign] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.slug, slug));
  if (!campaign || campaign.status === "draft") return null;
  if (campaign.status === "live") await currentCommitment(db, campaign.id, at.now, at.timeZone);
  const rows = await db
    .select()
    .from(drawSeeds)
    .where(eq(drawSeeds.campaignId, campaign.id))
    .orderBy(desc(drawSeeds.period))
    .limit(at.limit ?? 60);
  return { campaign, periods: rows.map((r) => publishedPeriod(r, at.now)) };
}

export function publishedPeriod(row: DrawSeed, now: Date): PublishedPeriod {
  const revealed = now >= row.revealsAt;
  return { ...publicPart(row), seed: revealed ? row.seed : null, revealed };
}

/** One period's seed row, read fresh (the verification page's source of truth). */
export async function seedOf(db: EngageDb, campaignId: string, period: string): Promise<DrawSeed | null> {
  const [row] = await db
    .select()
    .from(drawSeeds)
    .where(and(eq(drawSeeds.campaignId, campaignId), eq(drawSeeds.period, period)));
  return row ?? null;
}
