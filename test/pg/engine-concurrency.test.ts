// The rules engine under concurrent sweeps on a real Postgres: two instances (two pools)
// sweeping the same backlog at once, plus direct processEvent calls racing them, apply each
// (event, rule) firing exactly once. Asserted from the database.
import { randomUUID } from "node:crypto";
import { eq, inArray, isNull, like, sql } from "drizzle-orm";
import { type ProcessedEvent, processEvent, processPendingEvents } from "playcart/internal/engine/engine";
import { recordEvent } from "playcart/internal/engine/events";
import { saveRule } from "playcart/internal/engine/rules";
import { referralCodeFor } from "playcart/internal/loyalty/referrals";
import { customerBadges, events, ledgerEntries, referrals, ruleFirings, rules, stampEntries } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { seedRules } from "@/db/seed-rules";
import { customerId, newEmail, paidOrder, TZ } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let instanceA: { db: Db; close: () => Promise<void> };
let instanceB: { db: Db; close: () => Promise<void> };

beforeAll(async () => {
  t = await createTestDatabase();
  instanceA = await openPostgres(t.url, { max: 8, migrate: false });
  instanceB = await openPostgres(t.url, { max: 8, migrate: false });
  await seedRules(t.db);
});

afterAll(async () => {
  await instanceA?.close().catch(() => {});
  await instanceB?.close().catch(() => {});
  await t?.drop();
});

describe("concurrent sweeps", () => {
  it("two instances and direct calls over the same events apply each firing once", async () => {
    const db = t.db;
    const points = await saveRule(db, {
      slug: "review-points",
      name: "Points for a review",
      trigger: "review.posted",
      status: "live",
      outcomes: [{ type: "grant_points", points: 10 }],
    });
    // A backlog: 40 reviews, 12 referred friends' first orders, and their payments.
    const reviewers = await Promise.all(Array.from({ length: 40 }, () => customerId(db, newEmail("reviewer"))));
    for (const c of reviewers)
      await recordEvent(db, { type: "review.posted", key: randomUUID(), customerId: c, occurredAt: new Date() });
    const referrerEmail = newEmail("referrer");
    await paidOrder(db, { email: referrerEmail, amountMinor: 1_000 });
    const referrer = await customerId(db, referrerEmail);
    const code = await referralCodeFor(db, referrer);
    for (let i = 0; i < 12; i++)
      await paidOrder(db, { email: newEmail("friend"), amountMinor: 2_500, referralCode: code });

    const pending = await db.select({ id: events.id }).from(events).where(isNull(events.processedAt));
    expect(pending.length).toBeGreaterThanOrEqual(40 + 13);
    const clock = { now: new Date(), timeZone: TZ };
    const results = await Promise.all([
      processPendingEvents(instanceA.db, clock),
      processPendingEvents(instanceA.db, clock),
      processPendingEvents(instanceB.db, clock),
      processPendingEvents(instanceB.db, clock),
      ...pending.slice(0, 20).map((e) => processEvent(instanceB.db, e.id, clock).then((p) => (p ? [p] : []))),
    ]);
    const processed = (results as ProcessedEvent[][]).flat();
    const ids = processed.map((p) => p.eventId);
    // Every event taken by exactly one of them (including the referral.converted events the
    // sweeps recorded on the way), and none left behind.
    expect(new Set(ids).size).toBe(ids.length);
    expect(await db.select({ id: events.id }).from(events).where(isNull(events.processedAt))).toEqual([]);

    const firings = await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, points.id));
    expect(firings).toHaveLength(40);
    const [{ n: reviewEntries }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(like(ledgerEntries.sourceKey, `rule:${points.id}:%`));
    expect(reviewEntries).toBe(40);
    const champions = await db.select().from(customerBadges).where(inArray(customerBadges.customerId, reviewers));
    expect(champions).toHaveLength(40);

    const converted = await db.select().from(referrals).where(eq(referrals.referrerId, referrer));
    expect(converted.map((r) => r.status)).toEqual(Array(12).fill("converted"));
    const stamps = await db.select().from(stampEntries).where(eq(stampEntries.customerId, referrer));
    expect(stamps.reduce((s, e) => s + e.delta, 0)).toBe(12);
    const [stampRule] = await db.select().from(rules).where(eq(rules.slug, "referral-stamp"));
    expect(await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, stampRule.id))).toHaveLength(12);
    // Nine stamps filled the card: one influencer badge, awarded once.
    const influencer = await db.select().from(customerBadges).where(eq(customerBadges.customerId, referrer));
    expect(influencer).toHaveLength(1);

    // Sweeping again finds nothing to do.
    expect(await processPendingEvents(instanceA.db, clock)).toEqual([]);

    // Every event put back to pending (an operator's replay) and swept again by both
    // instances at once: the (event, rule) keys hold, nothing is granted twice.
    await db.update(events).set({ processedAt: null });
    await Promise.all([
      processPendingEvents(instanceA.db, clock),
      processPendingEvents(instanceB.db, clock),
      processPendingEvents(instanceB.db, clock),
    ]);
    expect(await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, points.id))).toHaveLength(40);
    const [{ n: after }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(like(ledgerEntries.sourceKey, `rule:${points.id}:%`));
    expect(after).toBe(40);
    const stampsAfter = await db.select().from(stampEntries).where(eq(stampEntries.customerId, referrer));
    expect(stampsAfter.reduce((s, e) => s + e.delta, 0)).toBe(12);
    expect(await db.select().from(referrals).where(eq(referrals.referrerId, referrer))).toHaveLength(12);
  });
});
