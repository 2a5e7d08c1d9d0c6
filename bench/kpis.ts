// `npm run bench:kpis`: the admin dashboard's KPI queries over 1,000,000 events on Postgres.
//
// A throwaway database gets a month of events generated with set-based SQL (generate_series):
// checkout views, offers and holdouts over two campaigns, plays and wins, redemptions, paid
// orders tied to sessions, abandoned carts, reminders, recoveries and referrals. Each query the
// dashboard runs is then timed (one warm-up run, then the median of five), store-wide and for one
// campaign, over the whole month.
// Not a test: it prints figures and PASS/FAIL against the floor, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_EVENTS (default 1000000).
import { sql } from "drizzle-orm";
import { dailySeries, funnelCounts, type KpiRange, liftCounts, participationCounts, rowsOf } from "playcart";
import type { Db } from "@/db/client";
import { createTestDatabase } from "../test/support/pg";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const FLOOR_MS = 500;
const C1 = "11111111-1111-4111-8111-111111111111";
const C2 = "22222222-2222-4222-8222-222222222222";

const log = (msg: string) => console.log(`[bench] ${msg}`);

/** One row per session (a tenth of the events), each session expanded into its events by type. */
async function generate(db: Db) {
  const sessions = Math.round(EVENTS / 10);
  // Per session, in order: 2 views, 1 offer or holdout, 2 plays, 1 redemption, 1 order, 1 abandoned
  // cart, 1 reminder, 1 referral visit = 10 events; types vary by session number.
  await db.execute(sql`
    INSERT INTO playcart_events (event_key, type, session_ref, campaign_id, value_minor, payload, occurred_at)
    SELECT 'bench:' || s || ':' || k,
      CASE k
        WHEN 0 THEN 'checkout.viewed' WHEN 1 THEN 'checkout.viewed'
        WHEN 2 THEN CASE WHEN s % 10 = 0 THEN 'game.held_out' ELSE 'game.offered' END
        WHEN 3 THEN 'game.played' WHEN 4 THEN 'game.played'
        WHEN 5 THEN 'reward.redeemed'
        WHEN 6 THEN CASE WHEN s % 3 = 0 THEN 'order.paid' ELSE 'cart.abandoned' END
        WHEN 7 THEN CASE WHEN s % 3 = 0 THEN 'order.paid' ELSE 'reminder.sent' END
        WHEN 8 THEN CASE WHEN s % 7 = 0 THEN 'order.recovered' ELSE 'reminder.clicked' END
        ELSE CASE WHEN s % 5 = 0 THEN 'referral.converted' ELSE 'referral.visited' END
      END,
      'sess-' || s,
      CASE WHEN k BETWEEN 2 AND 5 THEN (CASE WHEN s % 2 = 0 THEN ${C1} ELSE ${C2} END)::uuid END,
      CASE WHEN k IN (3, 4) THEN (s % 5) * 100 WHEN k IN (6, 7, 8) THEN 1000 + (s % 50) * 100 ELSE NULL END,
      CASE WHEN k IN (3, 4) THEN jsonb_build_object('won', s % 2 = 0) ELSE '{}'::jsonb END,
      timestamptz '2026-03-01 00:00:00+00' + (s * interval '26 seconds') + (k * interval '1 minute')
    FROM generate_series(1, ${sessions}) AS s, generate_series(0, 9) AS k`);
  await db.execute(sql`ANALYZE playcart_events`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2];
}

async function main() {
  const started = performance.now();
  const t = await createTestDatabase();
  let failed = false;
  try {
    await generate(t.db);
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM playcart_events`));
    log(`${n.toLocaleString("en-US")} events generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const all: KpiRange = {
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-04-01T00:00:00Z"),
      timeZone: "Europe/Berlin",
    };
    const one: KpiRange = { ...all, campaignId: C1 };
    const queries: [string, () => Promise<unknown>][] = [
      ["funnel (store-wide)", () => funnelCounts(t.db, all)],
      ["participation (store-wide)", () => participationCounts(t.db, all)],
      ["lift offered vs holdout (store-wide)", () => liftCounts(t.db, all)],
      ["daily series (store-wide)", () => dailySeries(t.db, all)],
      ["funnel (one campaign)", () => funnelCounts(t.db, one)],
      ["participation (one campaign)", () => participationCounts(t.db, one)],
      ["lift offered vs holdout (one campaign)", () => liftCounts(t.db, one)],
      ["daily series (one campaign)", () => dailySeries(t.db, one)],
    ];
    for (const [name, fn] of queries) {
      const ms = await time(fn);
      const ok = ms <= FLOOR_MS;
      failed ||= !ok;
      log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(7)} ms  ${ok ? "PASS" : "FAIL"} (floor ${FLOOR_MS} ms)`);
    }
  } finally {
    await t.drop();
  }
  log(failed ? "FAIL: a query is over the floor" : "PASS: every query within the floor");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
