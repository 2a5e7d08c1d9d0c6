// The admin's pages and route handlers. Route handlers are found by scanning app/admin (so a
// new one is tested without anyone listing it). The pages are Playcart's admin mounted on one
// catch-all route, so they are listed here; a unit test (admin-authorization) checks this list
// against the pages playcart/admin routes to and the demo's host pages, so none is missed.
// Dynamic segments get a stand-in id.
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const adminDir = path.join(root, "app/admin");

/** Paths under /admin: the demo's host pages ("" is its orders), then Playcart's. */
export const ADMIN_PAGE_PATTERNS = [
  "",
  "outbox",
  "campaigns",
  "campaigns/new",
  "campaigns/:id",
  "kpis",
  "customers",
  "customers/:id",
  "referrals",
  "points",
  "settings",
  "settings/catalog",
  "settings/badges",
  "settings/rules",
  "settings/rules/new",
  "settings/rules/:id",
  "settings/reminders",
  "settings/reminder-email",
  "reminders",
  "audit",
  "setup",
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const toUrl = (file: string, id: string) =>
  "/" +
  path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.+\]$/.test(s) ? id : s))
    .join("/");

export function adminPages(id = "00000000-0000-4000-8000-000000000000"): string[] {
  const listed = ADMIN_PAGE_PATTERNS.map((p) => `/admin${p ? `/${p.replace(":id", id)}` : ""}`);
  // Any page file of its own under app/admin besides the catch-all.
  const own = files(adminDir)
    .filter((f) => f.endsWith(`${path.sep}page.tsx`) && !f.includes(`${path.sep}[[...`))
    .map((f) => toUrl(f, id));
  return [...new Set([...listed, ...own])].sort();
}

export function adminRoutes(id = "00000000-0000-4000-8000-000000000000"): string[] {
  return files(adminDir)
    .filter((f) => f.endsWith(`${path.sep}route.ts`))
    .map((f) => toUrl(f, id))
    .sort();
}
