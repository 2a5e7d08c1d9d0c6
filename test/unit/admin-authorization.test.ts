// The admin's authorisation, enumerated from the code: every server action ("use server"
// files under app/admin, and every named action of playcart/admin behind the demo's one
// server function), every route handler under app/admin and every page playcart/admin
// routes to is found from the code, so a new one cannot be missed. Each is called anonymously, as a
// shopper, as a shopper posting forged fields (role, actor, admin email and ids), and with a
// session naming a user that does not exist; each must refuse and change nothing. The same
// calls as the store owner get past the check (so the refusals are the check's doing).

import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";

const state = vi.hoisted(() => {
  process.env.AUTH_SECRET = "authz-secret-authz-secret-0000";
  process.env.ADMIN_EMAILS = "admin@playcart.test";
  return { db: null as unknown as Db, session: null as null | { user: { id: string } } };
});

vi.mock("@/lib/auth/index", () => ({
  auth: async () => state.session,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));
vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
// A session cookie is present whenever the test gives Auth.js a session (the guard looks for one first).
const sessionCookies = () => (state.session ? [{ name: "authjs.session-token", value: "test" }] : []);
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: sessionCookies }),
  headers: async () => new Headers({ host: "127.0.0.1:1", "x-forwarded-proto": "http" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  useRouter: () => ({}),
}));

const root = path.resolve(__dirname, "../..");
const adminDir = path.join(root, "app/admin");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const all = files(adminDir).filter((f) => /\.(ts|tsx)$/.test(f));
const isUseServer = (f: string) =>
  /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(f, "utf8"));
const actionFiles = all.filter(isUseServer);
const routeFiles = all.filter((f) => /\/route\.ts$/.test(f));
const pageFiles = all.filter((f) => /\/page\.tsx$/.test(f));
// The demo's host pages inside the admin: its orders (the home page) and the dev outbox.
const HOST_PAGES = ["", "outbox"];
const rel = (f: string) => path.relative(root, f);

let adminId: string;
let shopperId: string;
let campaignId: string;
let customerId: string;
let orderId: string;

/** Everything an admin action could change, as one comparable value. */
async function footprint() {
  const tables = [
    "playcart_campaigns",
    "playcart_prizes",
    "playcart_audit_log",
    "playcart_ledger_entries",
    "playcart_point_balances",
    "playcart_settings",
    "playcart_catalog_items",
    "playcart_badges",
    "playcart_stamp_cards",
    "playcart_rules",
    "playcart_reminder_sequences",
    "outbox_messages",
    "orders",
    "playcart_events",
    "stripe_events",
    "users",
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const res = await state.db.execute(
      sql.raw(
        `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::int AS n FROM ${t} x`,
      ),
    );
    out[t] = (res as unknown as { rows: unknown[] }).rows?.[0] ?? res;
  }
  return out;
}

/** A form that would succeed for the owner, plus forged identity fields. */
function forgedForm(forged: boolean) {
  const f = new FormData();
  const fields: Record<string, string> = {
    id: campaignId,
    status: "paused",
    draft: JSON.stringify({
      name: "Hijacked",
      slug: `hijack-${randomUUID().slice(0, 6)}`,
      gameType: "spin_wheel",
      placement: "checkout_returning",
      audience: true,
      windows: [],
      allowance: { default: 1 },
      rewardScope: "next_order",
      rewardValidDays: 7,
      holdoutPercent: 0,
      prizes: [{ label: "Free money", weight: 1, rewardType: "amount_off", rewardValue: 100000, costMinor: 0 }],
    }),
    customerId,
    delta: "100000",
    reason: "Forged adjustment",
    requestId: randomUUID(),
    orderId,
    amount: "",
    earnRate: "100",
    tierWindowDays: "30",
    tiers: JSON.stringify([{ name: "green", label: "Green", minSpend: 0 }]),
  };
  if (forged)
    Object.assign(fields, {
      role: "admin",
      isAdmin: "true",
      actor: "admin@playcart.test",
      email: "admin@playcart.test",
      userId: adminId,
      viewer: JSON.stringify({ isAdmin: true }),
    });
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const refused = new Set(["unauthenticated", "forbidden"]);
const callers = {
  anonymous: () => null,
  shopper: () => ({ user: { id: shopperId } }),
  "a session for a user that does not exist": () => ({ user: { id: randomUUID() } }),
} as const;

beforeAll(async () => {
  const { createMemoryDb } = await import("../support/pglite");
  const { seed } = await import("@/db/seed");
  ({ db: state.db } = await createMemoryDb());
  await seed(state.db);
  const { users, orders } = await import("@/db/schema");
  const { customers, campaigns } = await import("playcart/schema");
  shopperId = randomUUID();
  // The seed creates the store owner's account (admin@playcart.test).
  const [owner] = await state.db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = 'admin@playcart.test'`);
  adminId =
    owner?.id ??
    (
      await state.db.insert(users).values({ email: "admin@playcart.test", name: "Owner" }).returning({ id: users.id })
    )[0].id;
  await state.db.insert(users).values({ id: shopperId, email: "nosy@shoppers.test", name: "Nosy" });
  [{ id: campaignId }] = await state.db.select({ id: campaigns.id }).from(campaigns).limit(1);
  [{ id: customerId }] = await state.db
    .insert(customers)
    .values({ email: "victim@shoppers.test" })
    .returning({ id: customers.id });
  const [order] = await state.db.select({ id: orders.id }).from(orders).limit(1);
  orderId = order?.id ?? randomUUID();
});

afterAll(() => {
  state.session = null;
});

describe("the enumeration finds the admin's entry points", () => {
  it("finds actions, routes and pages", () => {
    // The demo's refund action; Playcart's own forms post through the page's one server function.
    expect(actionFiles.map(rel)).toEqual(["app/admin/actions.ts"]);
    expect(routeFiles.map(rel)).toContain("app/admin/kpis/export/route.ts");
    expect(pageFiles.map(rel)).toEqual(["app/admin/[[...path]]/page.tsx"]);
  });

  it("finds playcart/admin's named actions and pages", async () => {
    const { ADMIN_ACTION_NAMES, ADMIN_PAGE_PATHS } = await import("playcart/admin");
    expect(ADMIN_ACTION_NAMES).toEqual(expect.arrayContaining(["saveCampaign", "adjustPoints", "saveLoyaltySettings"]));
    expect(ADMIN_PAGE_PATHS.length).toBeGreaterThanOrEqual(9);
  });

  it("the end-to-end tests' list of admin pages is every page playcart/admin routes to, and the demo's", async () => {
    const { ADMIN_PAGE_PATHS } = await import("playcart/admin");
    const { ADMIN_PAGE_PATTERNS } = await import("../../e2e/support/admin-routes");
    expect([...ADMIN_PAGE_PATTERNS].sort()).toEqual([...HOST_PAGES, ...ADMIN_PAGE_PATHS].sort());
  });
});

describe("playcart/admin's named actions, through the demo's server function", () => {
  it("every named action refuses and changes nothing", async () => {
    const { ADMIN_ACTION_NAMES } = await import("playcart/admin");
    const { playcartAdmin } = await import("@/lib/playcart-admin");
    for (const name of [...ADMIN_ACTION_NAMES, "notAnAction"]) {
      for (const [who, session] of Object.entries(callers)) {
        for (const forged of [false, true]) {
          state.session = session();
          const before = await footprint();
          const result = await playcartAdmin.act(name, { status: "idle" }, forgedForm(forged));
          expect(
            refused.has(result.status),
            `${name} as ${who}${forged ? " with forged fields" : ""} answered ${result.status}`,
          ).toBe(true);
          expect(await footprint(), `${name} as ${who} changed something`).toEqual(before);
        }
      }
      state.session = { user: { id: adminId } };
      const owner = await playcartAdmin.act(name, { status: "idle" }, forgedForm(false));
      expect(refused.has(owner.status), `${name} refused the owner: ${JSON.stringify(owner)}`).toBe(false);
    }
    // Every named action through the admin, a few database writes each: slow on a loaded machine.
  }, 180_000);
});

describe("server actions", () => {
  it.each(actionFiles.map(rel))("%s: every exported action refuses and changes nothing", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [
      string,
      (s: unknown, f: FormData) => Promise<{ status: string }>,
    ][];
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      for (const [who, session] of Object.entries(callers)) {
        for (const forged of [false, true]) {
          state.session = session();
          const before = await footprint();
          const result = await action({ status: "idle" }, forgedForm(forged));
          expect(
            refused.has(result.status),
            `${name} as ${who}${forged ? " with forged fields" : ""} answered ${result.status}`,
          ).toBe(true);
          expect(await footprint(), `${name} as ${who} changed something`).toEqual(before);
        }
      }
      // The owner gets past the check (whatever the input then says).
      state.session = { user: { id: adminId } };
      const owner = await action({ status: "idle" }, forgedForm(false));
      expect(refused.has(owner.status), `${name} refused the owner: ${JSON.stringify(owner)}`).toBe(false);
    }
  });
});

describe("route handlers", () => {
  it.each(routeFiles.map(rel))("%s: every method answers 401 anonymously and 403 to a shopper", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function") as string[];
    expect(methods.length).toBeGreaterThan(0);
    for (const m of methods) {
      const handler = mod[m] as (r: Request) => Promise<Response>;
      const url = `http://127.0.0.1/${rel(file)
        .replace(/^app\//, "")
        .replace(/\/route\.ts$/, "")}?role=admin&actor=admin@playcart.test`;
      state.session = null;
      expect((await handler(new Request(url, { method: m }))).status).toBe(401);
      state.session = { user: { id: shopperId } };
      const before = await footprint();
      expect((await handler(new Request(url, { method: m, headers: { "x-role": "admin" } }))).status).toBe(403);
      expect(await footprint()).toEqual(before);
      state.session = { user: { id: adminId } };
      expect((await handler(new Request(url, { method: m }))).status).toBe(200);
    }
  });
});

describe("the KPI export's input", () => {
  it("refuses a range it cannot read with 400 and says why, rather than exporting another range", async () => {
    const { GET } = await import("@/app/admin/kpis/export/route");
    state.session = { user: { id: adminId } };
    for (const [query, why] of [
      ["from=2026-11-30&to=2026-11-01", "ends before it starts"],
      ["from=2026-02-30&to=2026-03-01", "do not exist"],
      ["from=yesterday&to=today", "must look like"],
      ["from=2024-01-01&to=2026-01-01", "At most a year"],
    ]) {
      const res = await GET(new Request(`http://127.0.0.1/admin/kpis/export?${query}`));
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toContain(why);
    }
    const ok = await GET(new Request("http://127.0.0.1/admin/kpis/export?from=2026-11-01&to=2026-11-21"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"from","2026-11-01"');
  });
});

describe("pages", () => {
  const paths = async () => {
    const admin = await import("playcart/admin");
    return [...HOST_PAGES, ...admin.ADMIN_PAGE_PATHS].map((p) =>
      p.replace(":id", p.startsWith("customers") ? customerId : campaignId),
    );
  };
  // The page file renders <PlaycartAdmin>; rendering that server component gives the page.
  async function render(adminPath: string, searchParams: Record<string, string>) {
    const mod = (await import(path.join(root, "app/admin/[[...path]]/page.tsx"))) as {
      default: (p: object) => { type: (p: object) => Promise<React.ReactElement>; props: object };
    };
    const segments = adminPath ? adminPath.split("/") : [];
    const element = mod.default({
      params: Promise.resolve({ path: segments }),
      searchParams: Promise.resolve(searchParams),
    });
    return element.type(element.props);
  }
  it("anonymous visitors are sent to sign in, shoppers see only the refusal", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const all = await paths();
    expect(all.length).toBeGreaterThanOrEqual(11);
    for (const p of all) {
      state.session = null;
      await expect(render(p, {}), p).rejects.toThrow(/NEXT_REDIRECT \/signin\?callbackUrl=%2Fadmin/);
      state.session = { user: { id: shopperId } };
      const html = renderToStaticMarkup(await render(p, { role: "admin" }));
      expect(html, p).toContain("Store owners only");
      expect(html, p).not.toMatch(/<form|<table/);
    }
  });
});

describe("the no-change check itself", () => {
  it("sees a change made by the owner", async () => {
    const { playcartAdmin } = await import("@/lib/playcart-admin");
    state.session = { user: { id: adminId } };
    const before = await footprint();
    const form = forgedForm(false);
    form.set("earnRate", "3");
    expect((await playcartAdmin.act("saveLoyaltySettings", { status: "idle" }, form)).status).toBe("ok");
    const after = await footprint();
    expect(after.playcart_settings).not.toEqual(before.playcart_settings);
    expect(after.playcart_audit_log).not.toEqual(before.playcart_audit_log);
  });
});
