// Referral fraud rules on the normalised identity and on every trace a browser leaves, and
// referral counts that follow refunds: through the engine on PGlite with the demo rules.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { funnelCounts, referralParticipation } from "playcart/internal/insights/kpis";
import { displayNameInput } from "playcart/internal/loyalty/display-name";
import { referralReport } from "playcart/internal/loyalty/referral-report";
import {
  recordReferralVisit,
  recordSignIn,
  referralCodeFor,
  referralSummary,
} from "playcart/internal/loyalty/referrals";
import { stampCardProgress, stampCount } from "playcart/internal/loyalty/stamps";
import { PlaycartConfigError, resolvePublicOrigin } from "playcart/internal/next/resolve-config";
import { events, referrals, stampCards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedRules } from "@/db/seed-rules";
import { customerId, newEmail, paidOrder, refund, TZ } from "../support/engage-fixtures";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;
let card: string;
const sweep = () => processPendingEvents(db, { now: new Date(), timeZone: TZ });
const range = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), timeZone: TZ });

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  await seedRules(db);
  [{ id: card }] = await db.select({ id: stampCards.id }).from(stampCards).where(eq(stampCards.slug, "referrals"));
});
afterAll(() => close());

async function referrer(email = newEmail("ref")) {
  await paidOrder(db, { email, amountMinor: 1_000 });
  const id = await customerId(db, email);
  return { email, id, code: await referralCodeFor(db, id) };
}
/** A paid order through A's link, from this browser session, under a new email. */
const fromBrowser = (a: { code: string }, sessionRef: string, tag = "alias") =>
  paidOrder(db, { email: newEmail(tag), amountMinor: 2_000, referralCode: a.code, sessionRef });

const verdict = async (orderRef: string) =>
  (await db.select().from(referrals).where(eq(referrals.orderRef, orderRef)))[0];

describe("referral fraud rules", () => {
  it("refuses a returning customer under a Gmail dot or +tag variant, saying so", async () => {
    const a = await referrer();
    const local = `jane.doe.${randomUUID().slice(0, 6)}`;
    await paidOrder(db, { email: `${local}@gmail.com`, amountMinor: 2_000 });
    const variant = `${local.replace(/\./g, "").toUpperCase()}+promo@googlemail.com`;
    const order = await paidOrder(db, { email: variant, amountMinor: 2_000, referralCode: a.code });
    await sweep();
    const row = await verdict(order);
    expect(row).toMatchObject({ status: "rejected", reason: "existing_customer" });
    expect(row.detail).toMatch(/had already ordered/);
    expect(await stampCount(db, a.id, card)).toBe(0);
    const [report] = await referralReport(db, { referrerId: a.id });
    expect(report).toMatchObject({ status: "rejected", friendEmail: `${local.replace(/\./g, "")}@gmail.com` });
    expect(report.reason).toBe(
      `The friend was already a customer: ${local.replace(/\./g, "")}@gmail.com had already ordered (any spelling of the email)`,
    );
  });

  it("refuses a guest order from a browser the referrer signed in on, though they never ordered there", async () => {
    const a = await referrer();
    const browser = `sess-${randomUUID()}`;
    await recordSignIn(db, { email: a.email.toUpperCase(), sessionRef: browser, now: new Date() });
    const order = await fromBrowser(a, browser);
    await sweep();
    expect(await verdict(order)).toMatchObject({
      status: "rejected",
      reason: "same_device",
      detail: "the referrer has signed in on this browser",
    });
    const rejected = await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.type, "referral.rejected"), eq(events.orderRef, order)));
    expect(rejected.map((e) => e.payload.detail)).toEqual(["the referrer has signed in on this browser"]);
    expect(await stampCount(db, a.id, card)).toBe(0);
  });

  it("an own-link visit ties the browser to the referrer and is not reach; a friend's visit is", async () => {
    const a = await referrer();
    const before = await funnelCounts(db, range());
    const own = `sess-${randomUUID()}`;
    const friend = `sess-${randomUUID()}`;
    await recordReferralVisit(db, { code: a.code, sessionRef: own, now: new Date(), visitor: { email: a.email } });
    await recordReferralVisit(db, { code: a.code, sessionRef: friend, now: new Date(), visitor: {} });
    expect((await funnelCounts(db, range())).referralVisits - before.referralVisits).toBe(1);

    const fromOwn = await fromBrowser(a, own);
    const fromFriend = await fromBrowser(a, friend, "friend");
    await sweep();
    expect(await verdict(fromOwn)).toMatchObject({
      status: "rejected",
      reason: "same_device",
      detail: "the referrer opened their own link in this browser while signed in",
    });
    expect(await verdict(fromFriend)).toMatchObject({ status: "converted", reason: null });
    expect(await stampCount(db, a.id, card)).toBe(1);
  });
});

describe("referral counts follow refunds", () => {
  it("after a full refund the summary, the KPIs, the stamp ledger and the report agree", async () => {
    const a = await referrer();
    const before = await funnelCounts(db, range());
    const orders: string[] = [];
    for (let i = 0; i < 3; i++)
      orders.push(await paidOrder(db, { email: newEmail("friend"), amountMinor: 2_000, referralCode: a.code }));
    await sweep();
    expect(await referralSummary(db, a.id)).toEqual({ converted: 3, refunded: 0, rejected: 0 });
    expect((await funnelCounts(db, range())).referralConversions - before.referralConversions).toBe(3);

    await refund(db, orders[0], 2_000);
    await refund(db, orders[1], 500); // partial: the stamp and the conversion stay
    await sweep();
    const stamps = await stampCount(db, a.id, card);
    const summary = await referralSummary(db, a.id);
    expect(summary).toEqual({ converted: 2, refunded: 1, rejected: 0 });
    expect(stamps).toBe(summary.converted);
    expect((await funnelCounts(db, range())).referralConversions - before.referralConversions).toBe(2);
    expect((await stampCardProgress(db, a.id))[0].stamps).toBe(2);
    const report = await referralReport(db, { referrerId: a.id });
    expect(report.map((r) => r.status).sort()).toEqual(["converted", "converted", "refunded"]);
    expect(report.find((r) => r.orderRef === orders[0])?.reason).toBe("Refunded in full: the stamp went back");
  });

  it("participation: customers who shared their link (or whose link a friend opened) over customers", async () => {
    const r = range();
    const before = await referralParticipation(db, r);
    const a = await referrer();
    const b = await referrer();
    await db.insert(events).values({
      eventKey: `referral.shared:${a.id}:test`,
      type: "referral.shared",
      customerId: a.id,
      payload: { channel: "copy" },
      occurredAt: new Date(),
    });
    // B opening their own link is not sharing it.
    await recordReferralVisit(db, {
      code: b.code,
      sessionRef: `sess-${randomUUID()}`,
      now: new Date(),
      visitor: { email: b.email },
    });
    const after = await referralParticipation(db, r);
    expect(after.customers - before.customers).toBe(2);
    expect(after.sharers - before.sharers).toBe(1);
  });
});

describe("public origin and public name", () => {
  it("the public origin is an http(s) origin, required in production", () => {
    expect(resolvePublicOrigin("https://shop.example.com/", true)).toBe("https://shop.example.com");
    expect(resolvePublicOrigin(null, false)).toBe("http://localhost:3000");
    expect(() => resolvePublicOrigin(null, true)).toThrow(PlaycartConfigError);
    expect(() => resolvePublicOrigin(null, true)).toThrow(/publicOrigin is required in production/);
    expect(() => resolvePublicOrigin("https://shop.example.com/store", true)).toThrow(/origin only/);
    expect(() => resolvePublicOrigin("shop.example.com", true)).toThrow(/not an absolute URL/);
  });

  it("a public name is the shopper's choice, never an email; empty means none", () => {
    expect(displayNameInput.parse("  Ada   L. ")).toBe("Ada L.");
    expect(displayNameInput.parse("   ")).toBeNull();
    expect(displayNameInput.safeParse("ada@example.com").error?.issues[0].message).toBe(
      "Use a name, not an email address",
    );
    expect(displayNameInput.safeParse("x".repeat(41)).success).toBe(false);
  });
});

describe("the stamp card shows the ledger's count", () => {
  it("says stamps beyond a full card instead of capping them, and fills no more slots than the card has", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { StampCard } = await import("playcart/react");
    const html = renderToStaticMarkup(createElement(StampCard, { name: "Refer a friend", stamps: 11, required: 9 }));
    expect(html).toContain("11 of 9 stamps");
    expect(html).toContain("2 more stamps beyond a full card.");
    expect(html.match(/data-filled=""/g)).toHaveLength(9);
    const partial = renderToStaticMarkup(createElement(StampCard, { name: "Refer a friend", stamps: 3, required: 9 }));
    expect(partial).toContain("3 of 9 stamps");
    expect(partial).not.toContain("beyond a full card");
  });
});
