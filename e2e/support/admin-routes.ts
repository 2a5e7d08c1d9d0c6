// The admin's pages and route handlers, found by scanning app/admin (so a new one is tested
// without anyone listing it). Dynamic segments get a stand-in id.
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const adminDir = path.join(root, "app/admin");

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
  return files(adminDir)
    .filter((f) => f.endsWith(`${path.sep}page.tsx`))
    .map((f) => toUrl(f, id))
    .sort();
}

export function adminRoutes(id = "00000000-0000-4000-8000-000000000000"): string[] {
  return files(adminDir)
    .filter((f) => f.endsWith(`${path.sep}route.ts`))
    .map((f) => toUrl(f, id))
    .sort();
}
