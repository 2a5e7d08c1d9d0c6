// Official rules on a real Postgres: publishing refuses a purchase game that can lose without a
// free entry (at the field, changing nothing); "every play wins" stops offering a game whose
// prizes are gone; every change of the rules adds an immutable version and a play reads the
// version it was played under from its time alone; a free entry plays the same draw, once per
// email per window, even when asked for many times at once.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { CampaignInputError, saveCampaign, setCampaignStatus } from "playcart/internal/admin/campaign-admin";
import { updateSettings } from "playcart/internal/admin/settings-admin";
import { FREE_ENTRY_REQUIRED } from "playcart/internal/games/entry-requirement";
import { freeEntryPlay } from "playcart/internal/games/free-entry";
import { officialRules } from "playcart/internal/games/official-rules-page";
import { findPlacement, PlayError, play } from "playcart/internal/games/play";
import { rulesVersionList, rulesVersionsOfPlays } from "playcart/internal/games/rules-versions";
import { campaigns, freeEntries, plays, prizes, rulesVersions } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/London";
const T0 = new Date("2026-06-13T10:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const OWNER = "owner@test";
let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const draft = (over: Record<string, unknown> = {}) => ({
  name: "Can lose",
  slug: `lose-${randomUUID().slice(0, 8)}`,
  gameType: "spin_wheel",
  placement: "checkout_returning",
  allowance: { default: 1 },
  rewardScope: "next_order",
  rewardValidDays: 7,
  holdoutPercent: 0,
  prizes: [
    { label: "$1 off", weight: 1, rewardType: "amount_off", rewardValue: 100, costMinor: 100 },
    { label: "No prize", weight: 3, rewardType: "none", rewardValue: 0, costMinor: 0 },
  ],
  ...over,
});
const cart = { valueMinor: 1000, itemCount: 1, categories: [] };

describe("publishing", () => {
  it("refuses a purchase game that can lose without a free entry, then publishes it with one", async () => {
    const input = draft();
    const id = await saveCampaign(t.db, OWNER, null, input, { now: T0, timeZone: TZ });
    const refused = await setCampaignStatus(t.db, OWNER, id, "live", { now: T0, timeZone: TZ }).catch((e) => e);
    expect(refused).toBeInstanceOf(CampaignInputError);
    expect(refused.fieldErrors).toEqual({ freeEntry: FREE_ENTRY_REQUIRED });
    const [still] = await t.db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id));
    expect(still.status).toBe("draft");
    expect(await rulesVersionList(t.db, id)).toEqual([]);

    await saveCampaign(t.db, OWNER, id, { ...input, freeEntry: true }, { now: T0, timeZone: TZ });
    await setCampaignStatus(t.db, OWNER, id, "live", { now: T0, timeZone: TZ });
    // Live, it cannot drop its free entry while it can lose.
    const dropped = await saveCampaign(t.db, OWNER, id, input, { now: T0, timeZone: TZ }).catch((e) => e);
    expect(dropped.fieldErrors).toEqual({ freeEntry: FREE_ENTRY_REQUIRED });
    const [row] = await t.db.select({ freeEntry: campaigns.freeEntry }).from(campaigns).where(eq(campaigns.id, id));
    expect(row.freeEntry).toBe(true);
  });

  it("every play wins: once every prize is gone the game is not offered, and a play is refused rather than lost", async () => {
    const { campaign } = await insertLiveCampaign(t.db, { placement: "comeback", everyPlayWins: true }, [
      { label: "$1 off", rewardType: "amount_off", rewardValue: 100, inventory: 1 },
    ]);
    const shopper = { email: `p-${randomUUID().slice(0, 6)}@test.dev`, sessionRef: "s1" };
    const first = await play(t.db, {
      campaignId: campaign.id,
      requestId: randomUUID(),
      shopper,
      cart,
      now: T0,
      timeZone: TZ,
    });
    expect(first.won).toBe(true);
    const other = { email: `q-${randomUUID().slice(0, 6)}@test.dev`, sessionRef: "s2" };
    const found = await findPlacement(t.db, { placement: "comeback", shopper: other, cart, now: T0, timeZone: TZ });
    expect(found.offer).toBeNull();
    const refused = await play(t.db, {
      campaignId: campaign.id,
      requestId: randomUUID(),
      shopper: other,
      cart,
      now: T0,
      timeZone: TZ,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(PlayError);
    expect(refused.code).toBe("sold_out");
    expect(await t.db.select().from(plays).where(eq(plays.campaignId, campaign.id))).toHaveLength(1);
  });
});

describe("rules versions", () => {
  it("adds a version per change of the rules, keeps each immutable, and dates a play by its time", async () => {
    // Its own placement: the publish above holds checkout_returning.
    const input = draft({ freeEntry: true, placement: "checkout_first_order" });
    const id = await saveCampaign(t.db, OWNER, null, input, { now: T0, timeZone: TZ });
    await setCampaignStatus(t.db, OWNER, id, "live", { now: T0, timeZone: TZ });
    const shopper = { email: `v-${randomUUID().slice(0, 6)}@test.dev`, sessionRef: "s" };
    const early = await play(t.db, {
      campaignId: id,
      requestId: randomUUID(),
      shopper,
      cart,
      now: hours(1),
      timeZone: TZ,
    });

    // A new prize value: version 2. The same save again: no new version.
    const [p0, p1] = await t.db.select().from(prizes).where(eq(prizes.campaignId, id)).orderBy(prizes.position);
    const changed = {
      ...input,
      prizes: [
        { ...input.prizes[0], id: p0.id, label: "$2 off", rewardValue: 200 },
        { ...input.prizes[1], id: p1.id },
      ],
    };
    await saveCampaign(t.db, OWNER, id, changed, { now: hours(2), timeZone: TZ });
    await saveCampaign(t.db, OWNER, id, changed, { now: hours(3), timeZone: TZ });
    // The store's sponsor changes: every public campaign's rules get a new version.
    await updateSettings(
      t.db,
      OWNER,
      { storeTerms: { sponsorName: "New Sponsor Ltd", sponsorAddress: "1 Road" } },
      hours(4),
    );
    expect((await rulesVersionList(t.db, id)).map((v) => [v.version, v.validFrom.toISOString()])).toEqual([
      [1, T0.toISOString()],
      [2, hours(2).toISOString()],
      [3, hours(4).toISOString()],
    ]);

    // The early play was played under version 1, whatever changed after.
    const [playRow] = await t.db.select().from(plays).where(eq(plays.id, early.playId));
    expect(await rulesVersionsOfPlays(t.db, [{ campaignId: id, at: playRow.createdAt }])).toEqual([1]);
    expect(await rulesVersionsOfPlays(t.db, [{ campaignId: id, at: hours(2.5) }])).toEqual([2]);

    const at = { now: hours(5), timeZone: TZ, currency: "usd" };
    const v1 = await officialRules(t.db, input.slug as string, { ...at, version: 1 });
    const now = await officialRules(t.db, input.slug as string, at);
    expect(v1?.document.prizes.map((p) => p.label)).toEqual(["$1 off", "No prize"]);
    expect(v1?.current).toBe(false);
    expect(now?.document.version).toBe(3);
    expect(now?.document.prizes.map((p) => [p.label, p.value, p.chance.percent])).toEqual([
      ["$2 off", "$2.00", "25%"],
      ["No prize", "nothing", "75%"],
    ]);
    expect(now?.document.sections.find((s) => s.key === "sponsor")?.lines).toEqual(["New Sponsor Ltd, 1 Road."]);
    expect(await officialRules(t.db, input.slug as string, { ...at, version: 9 })).toBeNull();

    // A published version is never rewritten.
    await expect(
      t.db.update(rulesVersions).set({ validFrom: T0 }).where(eq(rulesVersions.campaignId, id)),
    ).rejects.toThrow();
  });
});

describe("free entry", () => {
  it("plays the campaign's own draw, once per email per window however many ask at once, and never for a draft", async () => {
    const { campaign } = await insertLiveCampaign(
      t.db,
      {
        slug: `free-${randomUUID().slice(0, 8)}`,
        placement: "checkout_returning",
        freeEntry: true,
        allowance: { default: 3 },
      },
      [
        { label: "$1 off", rewardType: "amount_off", rewardValue: 100, weight: 1 },
        { label: "No prize", weight: 1 },
      ],
    );
    const email = `Free.Entry+x@test.dev`;
    const asks = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        freeEntryPlay(t.db, { slug: campaign.slug, email, requestId: randomUUID(), now: T0, timeZone: TZ }),
      ),
    );
    const ok = asks.filter((a) => a.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const a of asks) if (a.status === "rejected") expect((a.reason as PlayError).code).toBe("no_plays_left");
    const result = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof freeEntryPlay>>>).value;
    // Recorded as an ordinary play of the campaign, drawn from its own prize table.
    const [row] = await t.db.select().from(plays).where(eq(plays.id, result.playId));
    expect(row.campaignId).toBe(campaign.id);
    expect(["$1 off", "No prize"]).toContain(result.label);
    const entries = await t.db.select().from(freeEntries).where(eq(freeEntries.campaignId, campaign.id));
    expect(entries.map((e) => e.playId)).toEqual([result.playId]);
    // The next store day is a new window: one more.
    const tomorrow = await freeEntryPlay(t.db, {
      slug: campaign.slug,
      email,
      requestId: randomUUID(),
      now: hours(24),
      timeZone: TZ,
    });
    expect(tomorrow.windowKey).not.toBe(result.windowKey);

    const { campaign: closed } = await insertLiveCampaign(t.db, { status: "draft", freeEntry: true }, [{ weight: 1 }]);
    const refused = await freeEntryPlay(t.db, {
      slug: closed.slug,
      email,
      requestId: randomUUID(),
      now: T0,
      timeZone: TZ,
    }).catch((e) => e);
    expect(refused.code).toBe("not_found");
  });
});
