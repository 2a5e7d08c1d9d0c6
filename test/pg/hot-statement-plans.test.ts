// The statements every play runs are prepared: Postgres plans each once per connection and
// keeps a generic plan, made without the call's values. These tests ask Postgres for that
// generic plan on a store with many plays behind it, and fail if it reads a growing table
// whole: then every play would cost more than the one before it.
import { sql as drizzleSql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { loadPlayQuery } from "playcart/internal/games/play.ts";
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

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The generic plan Postgres keeps for `text` once prepared, run with `params`. */
async function genericPlan(name: string, text: string, params: unknown[]): Promise<PlanNode[]> {
  await session.unsafe(`PREPARE ${name} AS ${text}`);
  const [row] = await session.unsafe(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${params.map(literal).join(", ")})`);
  await session.unsafe(`DEALLOCATE ${name}`);
  return nodes((row["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0].Plan);
}

const seqScansOf = (plan: PlanNode[], table: string) =>
  plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === table);

beforeAll(async () => {
  t = await createTestDatabase();
  ({
    campaign: { id: campaignId },
  } = await insertLiveCampaign(t.db, {}, [{ rewardType: "percent_off", rewardValue: 10 }]));
  // A busy campaign: 20,000 shoppers' allowance rows, and as many open guest carts.
  await t.db.execute(drizzleSql`
    INSERT INTO playcart_play_allowances (campaign_id, identity_key, window_key, granted, used)
    SELECT ${campaignId}::uuid, 'session:s' || i, '2026-12-05', 1, 1 FROM generate_series(1, 20000) AS i`);
  await t.db.insert(carts).values(Array.from({ length: 20_000 }, (_, i) => ({ sessionId: `guest-${i}` })));
  await t.db.execute(drizzleSql`ANALYZE`);
  session = postgres(t.url, { max: 1, onnotice: () => {} });
  await session`SET plan_cache_mode = force_generic_plan`;
}, 120_000);

afterAll(async () => {
  await session?.end();
  await t?.drop();
});

describe("the generic plans of a play's statements", () => {
  test("a play's read finds the shopper's bonus plays by key, not by reading the campaign's every allowance", async () => {
    const query: SQL = loadPlayQuery(
      {
        campaignId,
        requestId: "request-0000000000000001",
        shopper: { deviceId: "s1", email: "ada@example.test", userRef: null },
        now: new Date(),
      },
      "2026-12-05",
    );
    const { sql: text, params } = new PgDialect().sqlToQuery(query);
    const plan = await genericPlan("load_play", text, params);
    expect(plan.some((n) => n["Relation Name"] === "playcart_play_allowances")).toBe(true);
    expect(seqScansOf(plan, "playcart_play_allowances")).toEqual([]);
  });

  test("a guest's cart is found through the open carts' index on the session", async () => {
    const { sql: text } = guestCartQuery(t.db).toSQL();
    const plan = await genericPlan("guest_cart", text, ["guest-7"]);
    expect(seqScansOf(plan, "carts")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "carts_open_session_uq")).toBe(true);
  });
});
