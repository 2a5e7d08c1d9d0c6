// The statements every play and every payment's sweep run are planned by Postgres: prepared
// ones once per connection, for the first calls' values and then, often, as a generic plan
// made without them. These tests ask Postgres for those plans on a store with many plays and
// orders behind it, and fail if one reads a growing table whole (or walks its index to filter
// it): then every play or payment would cost more than the one before it.
import { sql as drizzleSql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { allowanceRowsQuery, loadPlayQuery } from "playcart/internal/games/play.ts";
import { recoveriesQuery } from "playcart/internal/reminders/recovery.ts";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { carts } from "@/db/schema";
import { guestCartQuery } from "@/lib/store/cart";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let session: postgres.Sql;
let campaignId: string;

/** A parameter's value as an SQL literal, for EXECUTE. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

type PlanNode = {
  "Node Type": string;
  Alias?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

// A prepared statement's first runs get a plan made for their values; later runs may keep a
// generic plan, made without them. Both must find rows by key.
const PLAN_MODES = ["force_custom_plan", "force_generic_plan"] as const;

/** The plan Postgres makes for `text` once prepared, in this plan cache mode, run with `params`. */
async function planOf(
  mode: (typeof PLAN_MODES)[number],
  name: string,
  text: string,
  params: unknown[],
): Promise<PlanNode[]> {
  await session.unsafe(`SET plan_cache_mode = ${mode}`);
  await session.unsafe(`PREPARE ${name} AS ${text}`);
  const [row] = await session.unsafe(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${params.map(literal).join(", ")})`);
  await session.unsafe(`DEALLOCATE ${name}`);
  return nodes((row["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0].Plan);
}

const seqScansOf = (plan: PlanNode[], table: string) =>
  plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === table);

/**
 * How each read of the allowances finds its rows. An index scan whose condition names only the
 * campaign (and the window) walks every shopper's entries of the campaign and filters them:
 * no sequential scan, yet as slow as one. Each read must name the shopper's key in its index condition.
 */
const allowanceLookups = (plan: PlanNode[]) =>
  plan
    .filter((n) => n["Relation Name"] === "playcart_play_allowances")
    .map((n) => ({ node: n["Node Type"], byKey: /identity_key/.test(n["Index Cond"] ?? "") }));

beforeAll(async () => {
  t = await createTestDatabase();
  ({
    campaign: { id: campaignId },
  } = await insertLiveCampaign(t.db, {}, [{ rewardType: "percent_off", rewardValue: 10 }]));
  // A busy campaign: 5,000 shoppers' allowance rows, 20,000 open guest carts. The
  // allowances have no statistics yet, as on a new store whose autovacuum has not analysed
  // them (off for the table here, so none runs during the test): Postgres then guesses, and a
  // plan that walks every shopper's row of the campaign looks as cheap as one that does not.
  await t.db.insert(carts).values(Array.from({ length: 20_000 }, (_, i) => ({ sessionId: `guest-${i}` })));
  await t.db.execute(drizzleSql`ANALYZE carts`);
  await t.db.execute(drizzleSql`ALTER TABLE playcart_play_allowances SET (autovacuum_enabled = false)`);
  await t.db.execute(drizzleSql`ALTER TABLE playcart_events SET (autovacuum_enabled = false)`);
  // 5,000 paid orders of one customer, their events not analysed either.
  await t.db.execute(drizzleSql`
    WITH c AS (INSERT INTO playcart_customers (email) VALUES ('regular@example.test') RETURNING id)
    INSERT INTO playcart_events (event_key, type, customer_id, order_ref, value_minor, occurred_at)
    SELECT 'order.paid:order-' || i, 'order.paid', c.id, 'order-' || i, 2500, now() - make_interval(mins => i)
    FROM c, generate_series(1, 5000) AS i`);
  await t.db.execute(drizzleSql`
    INSERT INTO playcart_play_allowances (campaign_id, identity_key, window_key, granted, used)
    SELECT ${campaignId}::uuid, 'session:s' || i, '2026-12-05', 1, 1 FROM generate_series(1, 5000) AS i`);
  session = postgres(t.url, { max: 1, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  await session?.end();
  await t?.drop();
});

describe("the plans of the statements each play and payment runs", () => {
  test("a play's read finds the shopper's bonus plays by key, not by reading the campaign's every allowance", async () => {
    const { sql: text, params } = loadPlayQuery(
      {
        campaignId,
        requestId: "request-0000000000000001",
        shopper: { deviceId: "s1", email: "ada@example.test", userRef: null },
        now: new Date(),
      },
      "2026-12-05",
    );
    for (const mode of PLAN_MODES) {
      const lookups = allowanceLookups(await planOf(mode, "load_play", text, params));
      expect(lookups.length).toBeGreaterThan(0);
      expect({ mode, walks: lookups.filter((l) => !l.byKey) }).toEqual({ mode, walks: [] });
    }
  });

  test("a checkout's count of the shopper's plays left finds their allowance rows by key", async () => {
    const query = allowanceRowsQuery(
      campaignId,
      ["device:s1", "email:ada@example.test"],
      ["2026-12-05", "life", "bonus"],
    );
    const { sql: text, params } = new PgDialect().sqlToQuery(query);
    for (const mode of PLAN_MODES) {
      const lookups = allowanceLookups(await planOf(mode, "plays_in_window", text, params));
      expect(lookups.length).toBe(2);
      expect({ mode, walks: lookups.filter((l) => !l.byKey) }).toEqual({ mode, walks: [] });
    }
  });

  test("a guest's cart is found through the open carts' index on the session", async () => {
    const { sql: text } = guestCartQuery(t.db).toSQL();
    const plan = await planOf("force_generic_plan", "guest_cart", text, ["guest-7"]);
    expect(seqScansOf(plan, "carts")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "carts_open_session_uq")).toBe(true);
  });

  test("a payment's recovery check finds the order's paid event by its key, not by reading every paid order", async () => {
    const query = recoveriesQuery({ orderRef: "order-17", now: new Date() });
    const { sql: text, params } = new PgDialect().sqlToQuery(query);
    for (const mode of PLAN_MODES) {
      const paid = (await planOf(mode, "recoveries", text, params)).filter(
        (n) => n["Relation Name"] === "playcart_events" && n.Alias === "p",
      );
      expect({ mode, paid: paid.map((n) => n["Index Name"]) }).toEqual({
        mode,
        paid: ["playcart_events_event_key_unique"],
      });
    }
  });
});
