// The provably fair draw's derivation, pinned by vectors computed independently (Python's
// hmac and hashlib), so the README's standalone script and this code cannot drift apart.
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngageDb } from "playcart/internal/core/db";
import { type DrawReceipt, decodeReceipt, encodeReceipt } from "playcart/internal/games/draw-receipt";
import { drawPeriod, periodEnd, periodSeed } from "playcart/internal/games/draw-seeds";
import {
  commitmentOf,
  fairOutcome,
  fairTicket,
  newSeed,
  pickFrom,
  seedMatches,
} from "playcart/internal/games/fair-draw";
import { describe, expect, it } from "vitest";

const SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const PLAY = "00000000-0000-4000-8000-000000000001";
const AMONG: [string, number][] = [
  ["a", 5],
  ["b", 20],
  ["c", 25],
  ["d", 50],
];

describe("commitments", () => {
  it("are SHA-256 of the seed's 32 bytes", () => {
    expect(commitmentOf(SEED)).toBe("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    expect(commitmentOf("0".repeat(64))).toBe("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
  });

  it("match only their own seed, and nothing malformed", () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seedMatches(seed, commitmentOf(seed))).toBe(true);
    expect(seedMatches(SEED, commitmentOf(seed))).toBe(false);
    expect(seedMatches(seed.toUpperCase(), commitmentOf(seed))).toBe(false);
    expect(seedMatches(seed.slice(2), commitmentOf(seed))).toBe(false);
    expect(() => commitmentOf("xyz")).toThrow(/64 lowercase hex/);
  });
});

describe("fairTicket", () => {
  it("reproduces fixed vectors for several totals and attempts", () => {
    expect([fairTicket(SEED, PLAY, 1, 100), fairTicket(SEED, PLAY, 2, 100)]).toEqual([62, 65]);
    expect([fairTicket(SEED, PLAY, 1, 7), fairTicket(SEED, PLAY, 2, 7)]).toEqual([2, 5]);
    expect([fairTicket(SEED, PLAY, 1, 1000), fairTicket(SEED, PLAY, 2, 1000)]).toEqual([662, 565]);
  });

  it("is the first HMAC word below the largest multiple of the total, modulo the total", () => {
    const word0 = createHmac("sha256", Buffer.from(SEED, "hex")).update(`${PLAY}:1:0`).digest().readUInt32BE(0);
    expect(word0).toBe(608316662);
    expect(fairTicket(SEED, PLAY, 1, 100)).toBe(word0 % 100);
  });

  it("rejects words that would bias the ticket (rejection sampling)", () => {
    // With total 2^31 + 1 only words below 2^31 + 1 are accepted: this play's first three
    // words are above it, so taking the first word modulo the total (999,934,393) would be wrong.
    const total = 2 ** 31 + 1;
    const play = "00000000-0000-4000-8000-000000000002";
    const word0 = createHmac("sha256", Buffer.from(SEED, "hex")).update(`${play}:1:0`).digest().readUInt32BE(0);
    expect(word0).toBe(3147418042);
    expect(fairTicket(SEED, play, 1, total)).toBe(295851905);
    for (let i = 0; i < 200; i++) expect(fairTicket(newSeed(), play, 1, total)).toBeLessThan(total);
  });

  it("refuses totals it cannot draw uniformly", () => {
    expect(() => fairTicket(SEED, PLAY, 1, 0)).toThrow(/total/);
    expect(() => fairTicket(SEED, PLAY, 1, 2 ** 32 + 1)).toThrow(/total/);
    expect(() => fairTicket(SEED, PLAY, 1, 1.5)).toThrow(/total/);
  });
});

describe("fairOutcome", () => {
  it("picks by cumulative weight in the recorded order", () => {
    // Ticket 62 of 100: past a (0-4), b (5-24), c (25-49), into d (50-99).
    expect(fairOutcome(SEED, PLAY, 1, AMONG)).toBe("d");
    expect(pickFrom(AMONG, 0)).toBe("a");
    expect(pickFrom(AMONG, 4)).toBe("a");
    expect(pickFrom(AMONG, 5)).toBe("b");
    expect(pickFrom(AMONG, 49)).toBe("c");
    expect(pickFrom(AMONG, 99)).toBe("d");
    expect(pickFrom(AMONG, 100)).toBeNull();
    expect(fairOutcome(SEED, PLAY, 1, [])).toBeNull();
  });

  it("changes with the seed, the play id and the attempt", () => {
    const outcomes = (f: (i: number) => string | null) => new Set(Array.from({ length: 64 }, (_, i) => f(i)));
    expect(outcomes(() => fairOutcome(newSeed(), PLAY, 1, AMONG)).size).toBeGreaterThan(1);
    expect(
      outcomes((i) => fairOutcome(SEED, `${PLAY.slice(0, -2)}${String(i).padStart(2, "0")}`, 1, AMONG)).size,
    ).toBeGreaterThan(1);
    expect(outcomes((i) => fairOutcome(SEED, PLAY, i + 1, AMONG)).size).toBeGreaterThan(1);
  });

  // Upper tail of the chi-square distribution (Wilson-Hilferty), as in draw.test.ts.
  function chiSquarePValue(stat: number, df: number): number {
    const z = (Math.cbrt(stat / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
    const t = 1 / (1 + 0.2316419 * Math.abs(z));
    const d = 0.3989423 * Math.exp((-z * z) / 2);
    const tail = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
    return z >= 0 ? tail : 1 - tail;
  }

  it("follows the weights over 40,000 play ids from one seed (chi-square p > 0.01 in one of three runs)", () => {
    const n = 40_000;
    const pValues: number[] = [];
    for (let trial = 0; trial < 3 && !pValues.some((p) => p > 0.01); trial++) {
      const seed = newSeed();
      const counts = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const id = fairOutcome(seed, `play-${trial}-${i}`, 1, AMONG)!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const stat = AMONG.reduce((s, [id, w]) => s + ((counts.get(id) ?? 0) - (n * w) / 100) ** 2 / ((n * w) / 100), 0);
      pValues.push(chiSquarePValue(stat, AMONG.length - 1));
    }
    expect(pValues.some((p) => p > 0.01)).toBe(true);
  });
});

describe("draw periods", () => {
  it("are store days, revealed at the next store day's start (across a DST change)", () => {
    expect(drawPeriod(new Date("2026-06-13T21:59:00Z"), "Europe/Berlin")).toEqual({
      period: "2026-06-13",
      next: "2026-06-14",
      revealsAt: new Date("2026-06-13T22:00:00Z"),
    });
    expect(drawPeriod(new Date("2026-06-13T22:00:00Z"), "Europe/Berlin").period).toBe("2026-06-14");
    // 29 March 2026: Berlin moves to summer time, a 23-hour store day.
    expect(periodEnd("2026-03-28", "Europe/Berlin")).toEqual(new Date("2026-03-28T23:00:00Z"));
    expect(periodEnd("2026-03-29", "Europe/Berlin")).toEqual(new Date("2026-03-29T22:00:00Z"));
  });
});

describe("receipts", () => {
  const receipt: DrawReceipt = {
    v: 1,
    campaignId: "11111111-1111-4111-8111-111111111111",
    campaign: "Spin",
    slug: "spin",
    period: "2026-06-13",
    commitment: commitmentOf(SEED),
    revealsAt: "2026-06-13T22:00:00.000Z",
    playId: PLAY,
    attempt: 1,
    among: [["22222222-2222-4222-8222-222222222222", 3]],
    outcome: "22222222-2222-4222-8222-222222222222",
    label: "10% off",
  };

  it("round-trip as base64url, as JSON and inside a verification link", () => {
    const text = encodeReceipt(receipt);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeReceipt(text)).toEqual(receipt);
    expect(decodeReceipt(JSON.stringify(receipt))).toEqual(receipt);
    expect(decodeReceipt(`https://shop.example/fair/verify?r=${text}`)).toEqual(receipt);
  });

  it("refuse anything that is not a complete, valid receipt", () => {
    expect(decodeReceipt("")).toBeNull();
    expect(decodeReceipt("not a receipt")).toBeNull();
    expect(decodeReceipt(JSON.stringify({ ...receipt, playId: "x" }))).toBeNull();
    expect(decodeReceipt(JSON.stringify({ ...receipt, extra: 1 }))).toBeNull();
    expect(
      decodeReceipt(JSON.stringify({ ...receipt, among: [["22222222-2222-4222-8222-222222222222", 0]] })),
    ).toBeNull();
  });
});

describe("the README's standalone verification script", () => {
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
  const block = /<!-- verify-draw\.mjs[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
  const script = path.join(mkdtempSync(path.join(tmpdir(), "verify-draw-")), "verify-draw.mjs");
  const run = (receipt: DrawReceipt, seed: string) =>
    spawnSync(process.execPath, [script, encodeReceipt(receipt), seed], { encoding: "utf8" });

  it("agrees with Playcart's draw, and fails a changed outcome or another seed", () => {
    expect(block).toBeDefined();
    expect(block).not.toMatch(/playcart/i);
    writeFileSync(script, block!);
    const among: [string, number][] = [
      ["11111111-1111-4111-8111-000000000001", 5],
      ["11111111-1111-4111-8111-000000000002", 20],
      ["11111111-1111-4111-8111-000000000003", 75],
    ];
    // Two plays (draws 1 and 2), each run three ways: node starts take a second or more under load.
    for (let i = 0; i < 2; i++) {
      const seed = newSeed();
      const playId = `00000000-0000-4000-8000-00000000000${i}`;
      const receipt: DrawReceipt = {
        v: 1,
        campaignId: "22222222-2222-4222-8222-222222222222",
        campaign: "Spin",
        slug: "spin",
        period: "2026-06-13",
        commitment: commitmentOf(seed),
        revealsAt: "2026-06-13T22:00:00.000Z",
        playId,
        attempt: 1 + (i % 2),
        among,
        outcome: fairOutcome(seed, playId, 1 + (i % 2), among),
        label: "a prize",
      };
      const ok = run(receipt, seed);
      expect(ok.stdout, ok.stderr).toMatch(/^OK: /);
      expect(ok.status).toBe(0);
      const other = among.find(([id]) => id !== receipt.outcome)![0];
      const forged = run({ ...receipt, outcome: other }, seed);
      expect(forged.status).toBe(1);
      expect(forged.stdout).toMatch(/^FAIL: the seed draws/);
      expect(run(receipt, newSeed()).stdout).toMatch(/^FAIL: the seed does not hash/);
    }
  });
});

describe("periodSeed", () => {
  it("creates a period's seed once, then serves it from the process without touching the database", async () => {
    const campaignId = "33333333-3333-4333-8333-333333333333";
    const inserted: Record<string, unknown>[] = [];
    // The first call's insert, as Drizzle chains it; it returns the row it wrote.
    const creating = {
      insert: () => ({
        values: (row: Record<string, unknown>) => ({
          onConflictDoNothing: () => ({
            returning: async () => {
              inserted.push(row);
              return [{ ...row, createdAt: new Date() }];
            },
          }),
        }),
      }),
    } as unknown as EngageDb;
    const first = await periodSeed(creating, campaignId, "2026-06-13", "Europe/Berlin");
    expect(first).toMatchObject({ period: "2026-06-13", revealsAt: new Date("2026-06-13T22:00:00Z") });
    expect(first.commitment).toBe(commitmentOf(first.seed));
    // Any database access now throws: a play's later draws must not read the seed again.
    const untouchable = new Proxy({} as EngageDb, {
      get: () => {
        throw new Error("the database was read");
      },
    });
    for (let i = 0; i < 3; i++)
      expect(await periodSeed(untouchable, campaignId, "2026-06-13", "Europe/Berlin")).toBe(first);
    expect(inserted).toHaveLength(1);
    // Another period is another seed.
    await expect(periodSeed(untouchable, campaignId, "2026-06-14", "Europe/Berlin")).rejects.toThrow(/was read/);
  });
});
