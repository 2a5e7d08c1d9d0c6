// `npx playcart migrate`, run as a host runs it: the package's compiled CLI (bin/playcart.mjs
// -> dist/cli.js) against a real Postgres, on an empty database and on one that already holds
// a host's own tables and migrations.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import * as playcartSchema from "playcart/schema";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";

const run = promisify(execFile);
const pkg = path.resolve(__dirname, "../../packages/playcart");
// Every migration the package ships, by tag, in order: what a fresh database ends up with.
const TAGS = readdirSync(path.join(pkg, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .map((f) => f.replace(/\.sql$/, ""))
  .sort();
const bin = path.join(pkg, "bin", "playcart.mjs");

type Cli = { code: number; stdout: string; stderr: string };
async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Cli> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every object in the database a migration could create or change, with its definition. */
async function objects(url: string): Promise<Map<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ key: string; def: string }[]>`
      select 'schema ' || nspname as key, '' as def from pg_namespace
        where nspname not like 'pg\_%' and nspname <> 'information_schema'
      union all
      select 'relation ' || n.nspname || '.' || c.relname, c.relkind::text
        || ' ' || coalesce((select string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod)
             || case when a.attnotnull then '!' else '' end, ',' order by a.attname)
           from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '')
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
      union all
      select 'constraint ' || conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
        from pg_constraint where connamespace in (select oid from pg_namespace where nspname in ('public', 'drizzle'))
      union all
      select 'trigger ' || tgname, pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
      union all
      select 'function ' || p.proname, md5(p.prosrc) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public'`;
    return new Map(rows.map((r) => [r.key, r.def]));
  } finally {
    await sql.end();
  }
}

const added = (before: Map<string, string>, after: Map<string, string>) =>
  [...after.keys()].filter((k) => !before.has(k)).sort();

const objectName = (key: string) =>
  key
    .split(" ")[1]
    .replace(/^public\./, "")
    .split(".")
    .at(-1) ?? "";

const PLAYCART_TABLES = (Object.values(playcartSchema) as unknown[])
  .filter((v): v is PgTable => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
  .map((t) => getTableConfig(t).name);

const HOST_SQL = `
  create table users (id text primary key, email text not null unique);
  create table orders (id serial primary key, user_id text references users(id), total_minor integer not null check (total_minor >= 0));
  create index orders_user_idx on orders (user_id);
  create function touch_order() returns trigger language plpgsql as $$ begin return new; end $$;
  create trigger orders_touch before update on orders for each row execute function touch_order();
  create schema drizzle;
  create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);
  insert into drizzle.__drizzle_migrations (hash, created_at) values ('host-0000', 1);
  insert into users values ('u1', 'ada@example.com');
  insert into orders (user_id, total_minor) values ('u1', 4200);
`;

describe("npx playcart migrate", () => {
  const dbs: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
  const fresh = async () => {
    const t = await createTestDatabase({ migrate: false });
    dbs.push(t);
    return t.url;
  };

  beforeAll(async () => {
    // The CLI a host runs is the compiled one (built again only when a source is newer).
    await run(process.execPath, [path.join(pkg, "scripts", "build.mjs"), "--if-stale"]);
  }, 120_000);
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it("creates exactly Playcart's objects on an empty database, every trigger included", async () => {
    const url = await fresh();
    const before = await objects(url);
    const first = await cli(["migrate"], { DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/applied 0000_playcart_tables, 0001_playcart_invariants/);

    const after = await objects(url);
    const created = added(before, after);
    expect(created.length).toBeGreaterThan(100);
    expect(created.filter((k) => !objectName(k).startsWith("playcart_"))).toEqual([]);
    // Tables (relkind r): exactly the schema's, and the migrations record.
    const tables = created.filter((k) => k.startsWith("relation ") && after.get(k)?.startsWith("r ")).map(objectName);
    expect(tables.sort()).toEqual([...PLAYCART_TABLES, "playcart_migrations"].sort());
    expect(PLAYCART_TABLES.length).toBeGreaterThanOrEqual(30);
    expect(created.filter((k) => k.startsWith("trigger ")).map(objectName)).toEqual([
      "playcart_audit_no_update",
      // A draw's committed seed is never changed or removed while its campaign exists.
      "playcart_draw_seeds_append_only",
      "playcart_ledger_apply",
      "playcart_ledger_no_truncate",
      "playcart_ledger_no_update",
      // Points lots: append-only, and no allocation beyond a lot's points.
      "playcart_lot_allocation_check",
      "playcart_lot_allocations_no_truncate",
      "playcart_lot_allocations_no_update",
      "playcart_point_lots_no_truncate",
      "playcart_point_lots_no_update",
      "playcart_rules_versions_no_update",
      "playcart_stamps_no_truncate",
      "playcart_stamps_no_update",
    ]);
  });

  it("beside a host's own tables and migrations adds the same objects and changes none of the host's", async () => {
    const emptyUrl = await fresh();
    const emptyBefore = await objects(emptyUrl);
    await cli(["migrate"], { DATABASE_URL: emptyUrl });
    const onEmpty = added(emptyBefore, await objects(emptyUrl));

    const url = await fresh();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe(HOST_SQL);
    const before = await objects(url);
    const result = await cli(["migrate", "--database-url", url]);
    expect(result.code).toBe(0);
    const after = await objects(url);

    expect(added(before, after)).toEqual(onEmpty);
    for (const [key, def] of before) expect(after.get(key), key).toBe(def);
    const [hostRows] =
      await sql`select (select count(*)::int from users) as users, (select count(*)::int from orders) as orders,
      (select string_agg(hash, ',') from drizzle.__drizzle_migrations) as hashes`;
    expect(hostRows).toEqual({ users: 1, orders: 1, hashes: "host-0000" });
    await sql.end();
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const url = await fresh();
    await cli(["migrate"], { DATABASE_URL: url });
    const once = await objects(url);
    const again = await cli(["migrate"], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`up to date \\(${TAGS.length} migrations\\)`));
    expect(await objects(url)).toEqual(once);
    const sql = postgres(url, { max: 1 });
    const rows = await sql`select tag from playcart_migrations order by tag`;
    await sql.end();
    expect(rows.map((r) => r.tag)).toEqual(TAGS);
    expect(TAGS.slice(0, 4)).toEqual([
      "0000_playcart_tables",
      "0001_playcart_invariants",
      "0002_playcart_person_key",
      "0003_playcart_play_refusal",
    ]);
    // Later migrations are numbered in the order they were merged.
    expect(TAGS.filter((t) => /^\d{4}_playcart_referral_identity$/.test(t))).toHaveLength(1);
  });

  it("app servers starting together migrate once", async () => {
    const url = await fresh();
    const results = await Promise.all([1, 2, 3].map(() => cli(["migrate"], { DATABASE_URL: url })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(results.filter((r) => /applied/.test(r.stdout))).toHaveLength(1);
    const sql = postgres(url, { max: 1 });
    const [{ n }] = await sql`select count(*)::int as n from playcart_migrations`;
    await sql.end();
    expect(n).toBe(TAGS.length);
  });

  it("refuses, changing nothing, a database whose Playcart tables were copied by hand, until told to adopt them", async () => {
    const url = await fresh();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    // What a store had before the package: the same SQL, pasted, with no record of it.
    for (const file of readdirSync(path.join(pkg, "migrations"))
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      const text = (await import("node:fs")).readFileSync(path.join(pkg, "migrations", file), "utf8");
      for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await sql.unsafe(statement);
    }
    const before = await objects(url);
    const refused = await cli(["migrate"], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exist.*--adopt/s);
    expect(await objects(url)).toEqual(before);

    await sql.unsafe("drop trigger playcart_ledger_apply on playcart_ledger_entries");
    const partial = await cli(["migrate", "--adopt"], { DATABASE_URL: url });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/playcart_ledger_apply is missing/);

    await sql.unsafe(
      "create trigger playcart_ledger_apply before insert on playcart_ledger_entries for each row execute function playcart_ledger_apply()",
    );
    const adopted = await cli(["migrate", "--adopt"], { DATABASE_URL: url });
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toMatch(
      /adopted 0000_playcart_tables, 0001_playcart_invariants, 0002_playcart_person_key, 0003_playcart_play_refusal/,
    );
    expect((await cli(["migrate"], { DATABASE_URL: url })).stdout).toMatch(/up to date/);
    await sql.end();
  });

  it("says what is wrong with bad input and exits non-zero", async () => {
    const noUrl = await cli(["migrate"], { DATABASE_URL: undefined });
    expect(noUrl).toMatchObject({ code: 2 });
    expect(noUrl.stderr).toMatch(/set DATABASE_URL or pass --database-url/);
    const unknown = await cli(["migrat"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "migrat"/);
    const badFlag = await cli(["migrate", "--force"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--force'/);
    const unreachable = await cli(["migrate", "--database-url", "postgres://postgres@127.0.0.1:1/none"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/migration failed, nothing was changed/);
  });
});
