// The admin's settings core: the reward catalog, badges and stamp cards, rules, the reminder
// schedule and quiet hours. Each save is validated (bad input names the field and changes
// nothing, audit trail included) and audited with before and after in the same transaction.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { awardBadge, ensureCustomer, grantStamps, listCatalog, recordConsent } from "playcart";
import { auditTrail } from "playcart/internal/admin/audit";
import {
  badgesAndCards,
  createBadge,
  createStampCard,
  updateBadge,
  updateStampCard,
} from "playcart/internal/admin/badge-admin";
import { allCatalogItems, saveCatalogItem, setCatalogItemActive } from "playcart/internal/admin/catalog-admin";
import { customerLoyaltyDetail } from "playcart/internal/admin/customer-loyalty-admin";
import { reminderSequenceList, updateQuietHours, updateReminderSequence } from "playcart/internal/admin/reminder-admin";
import { allRules, saveRuleAudited, setRuleStatus } from "playcart/internal/admin/rule-admin";
import { updateSettings } from "playcart/internal/admin/settings-admin";
import { ruleEditorOptions } from "playcart/internal/admin-ui/editor-options";
import { EngageError } from "playcart/internal/core/errors";
import { getSettings } from "playcart/internal/core/settings";
import { liveRulesFor } from "playcart/internal/engine/rules";
import { DEFAULT_QUIET_HOURS } from "playcart/internal/reminders/reminder-schedule";
import { catalogItems, rules } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { seed } from "@/db/seed";
import { createMemoryDb } from "../support/pglite";

let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
const ACTOR = "owner@playcart.test";
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret";
  handle = await createMemoryDb();
  db = handle.db;
  await seed(db);
});
afterAll(async () => handle?.close());

/** Everything the settings pages can change, as one comparable value. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const t of [
    "playcart_catalog_items",
    "playcart_badges",
    "playcart_stamp_cards",
    "playcart_rules",
    "playcart_reminder_sequences",
    "playcart_settings",
    "playcart_audit_log",
  ]) {
    const res = await db.execute(
      sql.raw(
        `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM ${t} x`,
      ),
    );
    out[t] = (res as unknown as { rows: unknown[] }).rows[0];
  }
  return out;
}

/** Runs a save that must fail on `field`, and checks that nothing at all changed. */
async function rejects(field: string | null, save: () => Promise<unknown>) {
  const before = await snapshot();
  const err = await save().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the save should have failed").not.toBeNull();
  if (field) {
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => i.path.join("."))).toContain(field);
  } else expect(err).toBeInstanceOf(EngageError);
  expect(await snapshot()).toEqual(before);
  return err as Error;
}

const newItem = (over: Record<string, unknown> = {}) => ({
  slug: `tote-${randomUUID().slice(0, 6)}`,
  name: "A canvas tote",
  description: "Free tote",
  pointsCost: 80,
  rewardType: "amount_off" as const,
  rewardValue: 300,
  validDays: 30,
  ...over,
});

describe("the reward catalog", () => {
  it("creates an item, lists it for shoppers and audits it", async () => {
    const row = await saveCatalogItem(db, ACTOR, newItem());
    expect((await listCatalog(db)).map((i) => i.id)).toContain(row.id);
    const [audit] = await auditTrail(db, { entity: "catalog_item", entityId: row.id });
    expect(audit).toMatchObject({ actor: ACTOR, action: "catalog.create", before: null });
    expect((audit.after as { pointsCost: number }).pointsCost).toBe(80);
  });

  it("edits an item with its before and after in the audit trail", async () => {
    const [five] = await db.select().from(catalogItems).where(eq(catalogItems.slug, "five-off"));
    const row = await saveCatalogItem(db, ACTOR, {
      ...newItem(),
      id: five.id,
      slug: "five-off",
      name: "$5 off, cheaper",
      pointsCost: 45,
      rewardValue: 500,
    });
    expect(row.pointsCost).toBe(45);
    const [audit] = await auditTrail(db, { entity: "catalog_item", entityId: five.id });
    expect(audit.action).toBe("catalog.update");
    expect((audit.before as { pointsCost: number }).pointsCost).toBe(five.pointsCost);
    expect((audit.after as { name: string }).name).toBe("$5 off, cheaper");
  });

  it.each([
    ["pointsCost", { pointsCost: 0 }],
    ["pointsCost", { pointsCost: 2.5 }],
    ["rewardValue", { rewardType: "percent_off", rewardValue: 150 }],
    ["rewardValue", { rewardValue: -1 }],
    ["productRef", { rewardType: "free_product", productRef: "" }],
    ["validDays", { validDays: 0 }],
    ["slug", { slug: "Not A Key" }],
    ["name", { name: "  " }],
    ["rewardType", { rewardType: "bonus_points" }],
    // Past what the integer column holds: refused with a message, not a database error.
    ["maxDiscountMinor", { maxDiscountMinor: 5_000_000_000 }],
  ])("refuses an impossible %s and changes nothing", async (field, over) => {
    await rejects(field, () => saveCatalogItem(db, ACTOR, newItem(over) as never));
  });

  it("refuses a key another item uses, and an unknown item", async () => {
    await rejects("slug", () => saveCatalogItem(db, ACTOR, newItem({ slug: "free-shipping" })));
    await rejects(null, () => saveCatalogItem(db, ACTOR, { ...newItem(), id: randomUUID() }));
  });

  it("deactivates an item: it leaves the shopper's catalog but stays in the admin's list", async () => {
    const [ship] = await db.select().from(catalogItems).where(eq(catalogItems.slug, "free-shipping"));
    await setCatalogItemActive(db, ACTOR, ship.id, false);
    expect((await listCatalog(db)).map((i) => i.slug)).not.toContain("free-shipping");
    expect((await allCatalogItems(db)).find((i) => i.id === ship.id)?.active).toBe(0);
    const [audit] = await auditTrail(db, { entity: "catalog_item", entityId: ship.id });
    expect(audit).toMatchObject({
      action: "catalog.deactivate",
      before: expect.objectContaining({ active: 1 }),
      after: expect.objectContaining({ active: 0 }),
    });
    await setCatalogItemActive(db, ACTOR, ship.id, true);
    expect((await listCatalog(db)).map((i) => i.slug)).toContain("free-shipping");
  });
});

describe("badges and stamp cards", () => {
  it("renames a badge and changes a card's stamps and badge, audited", async () => {
    const { badges, cards } = await badgesAndCards(db);
    const card = cards.find((c) => c.slug === "referrals")!;
    const other = badges.find((b) => b.id !== card.badgeId)!;
    await updateBadge(db, ACTOR, { id: other.id, name: "Renamed", description: "Earned by a test", emoji: "🎉" });
    const after = await updateStampCard(db, ACTOR, {
      id: card.id,
      name: "Bring a friend",
      stampsRequired: 5,
      badgeId: other.id,
    });
    expect(after).toMatchObject({ stampsRequired: 5, badgeId: other.id, slug: "referrals" });
    const [audit] = await auditTrail(db, { entity: "stamp_card", entityId: card.id });
    expect(audit).toMatchObject({
      action: "stamp_card.update",
      before: expect.objectContaining({ stampsRequired: card.stampsRequired }),
      after: expect.objectContaining({ stampsRequired: 5 }),
    });
    expect((await auditTrail(db, { entity: "badge", entityId: other.id }))[0].after).toMatchObject({ name: "Renamed" });
  });

  it("refuses impossible values and changes nothing", async () => {
    const { badges, cards } = await badgesAndCards(db);
    const card = cards[0];
    await rejects("stampsRequired", () =>
      updateStampCard(db, ACTOR, { id: card.id, name: card.name, stampsRequired: 0 }),
    );
    await rejects("stampsRequired", () =>
      updateStampCard(db, ACTOR, { id: card.id, name: card.name, stampsRequired: 1.5 }),
    );
    await rejects("badgeId", () =>
      updateStampCard(db, ACTOR, { id: card.id, name: card.name, stampsRequired: 3, badgeId: randomUUID() }),
    );
    await rejects("name", () => updateBadge(db, ACTOR, { id: badges[0].id, name: "", description: "x", emoji: "🏅" }));
  });

  it("creates a badge and a card that gives it; stamps from a rule fill the card and award the badge; both audited", async () => {
    const badge = await createBadge(db, ACTOR, {
      slug: "early-bird",
      name: "Early bird",
      description: "Five orders before 9",
      emoji: "🐦",
    });
    const card = await createStampCard(db, ACTOR, {
      slug: "mornings",
      name: "Morning orders",
      stampsRequired: 2,
      badgeId: badge.id,
    });
    expect((await badgesAndCards(db)).cards.map((c) => c.slug)).toContain("mornings");
    expect((await auditTrail(db, { entity: "badge", entityId: badge.id }))[0]).toMatchObject({
      actor: ACTOR,
      action: "badge.create",
      before: null,
    });
    expect((await auditTrail(db, { entity: "stamp_card", entityId: card.id }))[0]).toMatchObject({
      actor: ACTOR,
      action: "stamp_card.create",
      before: null,
    });

    const customer = await ensureCustomer(db, { email: "early@playcart.test" });
    const stamp = (n: number) =>
      grantStamps(db, {
        customerId: customer.id,
        card: "mornings",
        stamps: 1,
        reason: "Morning order",
        sourceKey: `morning:${n}`,
        now: NOW,
      });
    expect(await stamp(1)).toMatchObject({ count: 1, badgeAwarded: false });
    expect(await stamp(2)).toMatchObject({ count: 2, badgeAwarded: true });
    // The rule editor offers both as outcomes.
    const options = await ruleEditorOptions(db);
    expect(options.badges).toContainEqual({ slug: "early-bird", name: "Early bird" });
    expect(options.cards).toContainEqual({ slug: "mornings", name: "Morning orders" });
  });

  it("refuses a new badge or card with a taken or malformed key, a missing name or an unknown badge, and changes nothing", async () => {
    const { badges } = await badgesAndCards(db);
    const badge = { slug: "new-one", name: "New one", description: "Earned somehow", emoji: "⭐" };
    await rejects("slug", () => createBadge(db, ACTOR, { ...badge, slug: badges[0].slug }));
    await rejects("slug", () => createBadge(db, ACTOR, { ...badge, slug: "Not A Key" }));
    await rejects("name", () => createBadge(db, ACTOR, { ...badge, name: " " }));
    const card = { slug: "new-card", name: "New card", stampsRequired: 5, badgeId: null };
    await rejects("slug", () => createStampCard(db, ACTOR, { ...card, slug: "referrals" }));
    await rejects("stampsRequired", () => createStampCard(db, ACTOR, { ...card, stampsRequired: 0 }));
    await rejects("badgeId", () => createStampCard(db, ACTOR, { ...card, badgeId: randomUUID() }));
  });
});

describe("rules", () => {
  const rule = (over: Record<string, unknown> = {}) => ({
    slug: `weekend-${randomUUID().slice(0, 6)}`,
    name: "Weekend bonus",
    trigger: "order.paid" as const,
    condition: { ">=": [{ var: "store.weekday" }, 6] },
    outcomes: [{ type: "grant_points" as const, points: 15, reason: "Weekend bonus" }],
    status: "live" as const,
    ...over,
  });

  it("creates a live rule the engine picks up, then edits it, each audited", async () => {
    const created = await saveRuleAudited(db, ACTOR, rule());
    expect((await liveRulesFor(db, "order.paid")).map((r) => r.rule.id)).toContain(created.id);
    const edited = await saveRuleAudited(db, ACTOR, {
      ...rule({ slug: `${created.slug}-x`, outcomes: [{ type: "grant_points", points: 30 }] }),
      id: created.id,
    });
    expect(edited.id).toBe(created.id);
    expect(edited.slug).toBe(`${created.slug}-x`);
    const trail = await auditTrail(db, { entity: "rule", entityId: created.id });
    expect(trail.map((a) => a.action)).toEqual(["rule.update", "rule.create"]);
    expect((trail[0].before as { outcomes: { points: number }[] }).outcomes[0].points).toBe(15);
    expect((trail[0].after as { outcomes: { points: number }[] }).outcomes[0].points).toBe(30);
    await setRuleStatus(db, ACTOR, created.id, "paused");
    expect((await liveRulesFor(db, "order.paid")).map((r) => r.rule.id)).not.toContain(created.id);
  });

  it("edits the seeded referral rule (how referral rewards are configured)", async () => {
    const referral = (await allRules(db)).find((r) => r.slug === "referral-stamp")!;
    await saveRuleAudited(db, ACTOR, {
      ...rule({ slug: "referral-stamp", trigger: "referral.converted", condition: true }),
      outcomes: [
        { type: "grant_stamp", card: "referrals", stamps: 2 },
        { type: "grant_points", points: 50 },
      ],
      id: referral.id,
    });
    const [row] = await db.select().from(rules).where(eq(rules.id, referral.id));
    expect(row.outcomes).toHaveLength(2);
  });

  it("refuses impossible rules and changes nothing", async () => {
    await rejects("outcomes.0.points", () =>
      saveRuleAudited(db, ACTOR, rule({ outcomes: [{ type: "grant_points", points: 0 }] })),
    );
    await rejects("outcomes", () => saveRuleAudited(db, ACTOR, rule({ outcomes: [] })));
    await rejects("trigger", () => saveRuleAudited(db, ACTOR, rule({ trigger: "order.teleported" })));
    await rejects("campaignId", () =>
      saveRuleAudited(db, ACTOR, rule({ outcomes: [{ type: "grant_plays", plays: 1 }] })),
    );
    await rejects("slug", () => saveRuleAudited(db, ACTOR, rule({ slug: "birthday-treat" })));
    const err = await rejects(null, () => saveRuleAudited(db, ACTOR, rule({ condition: { no_such_operator: [1] } })));
    expect(err.message).toMatch(/condition/i);
  });
});

describe("reminder schedule and quiet hours", () => {
  it("quiet hours default to the reminder module's, and a save is kept and audited", async () => {
    expect((await getSettings(db)).quietHours).toEqual(DEFAULT_QUIET_HOURS);
    await updateQuietHours(db, ACTOR, { start: "22:30", end: "07:00" });
    expect((await getSettings(db)).quietHours).toEqual({ start: "22:30", end: "07:00" });
    const [audit] = await auditTrail(db, { entity: "settings", entityId: "quietHours" });
    expect(audit).toMatchObject({ before: DEFAULT_QUIET_HOURS, after: { start: "22:30", end: "07:00" } });
  });

  it("refuses impossible quiet hours", async () => {
    await rejects("start", () => updateQuietHours(db, ACTOR, { start: "25:00", end: "07:00" }));
    await rejects("end", () => updateQuietHours(db, ACTOR, { start: "07:00", end: "07:00" }));
  });

  it("edits the sequence's steps, audited, and refuses steps out of order", async () => {
    const [seq] = await reminderSequenceList(db);
    const steps = [{ afterMinutes: 30 }, { afterMinutes: 600, discountPercent: 5 }];
    const after = await updateReminderSequence(db, ACTOR, {
      id: seq.id,
      name: seq.name,
      status: "live",
      abandonAfterMinutes: 45,
      steps,
    });
    expect(after).toMatchObject({ abandonAfterMinutes: 45, steps });
    expect((await auditTrail(db, { entity: "reminder_sequence", entityId: seq.id }))[0]).toMatchObject({
      before: expect.objectContaining({ steps: seq.steps }),
      after: expect.objectContaining({ steps }),
    });
    await rejects("steps", () =>
      updateReminderSequence(db, ACTOR, {
        id: seq.id,
        name: seq.name,
        status: "live",
        abandonAfterMinutes: 45,
        steps: [{ afterMinutes: 600 }, { afterMinutes: 60 }],
      }),
    );
    await rejects("steps.0.discountPercent", () =>
      updateReminderSequence(db, ACTOR, {
        id: seq.id,
        name: seq.name,
        status: "live",
        abandonAfterMinutes: 45,
        steps: [{ afterMinutes: 60, discountPercent: 95 }],
      }),
    );
    await rejects("abandonAfterMinutes", () =>
      updateReminderSequence(db, ACTOR, { id: seq.id, name: seq.name, status: "live", abandonAfterMinutes: 0, steps }),
    );
    await rejects("status", () =>
      updateReminderSequence(db, ACTOR, {
        id: seq.id,
        name: seq.name,
        status: "running" as never,
        abandonAfterMinutes: 45,
        steps,
      }),
    );
  });
});

describe("tier multipliers", () => {
  it("saves each tier's earn and play multipliers, and refuses one below 1", async () => {
    const tiers = (await getSettings(db)).tiers.map((t) => ({
      name: t.name,
      label: t.label,
      minSpendMinor: t.minSpendMinor,
    }));
    await updateSettings(db, ACTOR, {
      tiers: tiers.map((t, i) => (i === 1 ? { ...t, earnMultiplier: 2, playMultiplier: 4 } : t)),
    });
    const saved = (await getSettings(db)).tiers[1];
    expect(saved).toMatchObject({ earnMultiplier: 2, playMultiplier: 4 });
    // Thresholds alone keep the multipliers.
    await updateSettings(db, ACTOR, { tiers });
    expect((await getSettings(db)).tiers[1]).toMatchObject({ earnMultiplier: 2, playMultiplier: 4 });
    const before = await snapshot();
    await expect(
      updateSettings(db, ACTOR, { tiers: tiers.map((t, i) => (i === 1 ? { ...t, earnMultiplier: 0.5 } : t)) }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the customer's loyalty detail", () => {
  it("shows consent and badges", async () => {
    const email = `profile-${randomUUID().slice(0, 6)}@example.test`;
    const customer = await ensureCustomer(db, { email });
    await recordConsent(db, { email, wording: "Remind me about my cart by email.", source: "checkout", now: NOW });
    await awardBadge(db, { customerId: customer.id, badge: "community-champion", now: NOW });
    const detail = await customerLoyaltyDetail(db, { id: customer.id, email }, await getSettings(db), NOW);
    expect(detail.contact?.consentSource).toBe("checkout");
    expect(detail.badges.map((b) => b.slug)).toEqual(["community-champion"]);
    expect(detail.cards.map((c) => c.slug)).toContain("referrals");
    expect(detail.affinity).toEqual({ favourite: null, categories: [] });
    expect(detail.reminders).toEqual([]);
  });
});
