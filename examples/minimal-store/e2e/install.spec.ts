// The store runs Playcart as a host installs it: the packed tarball in this store's own
// node_modules, compiled JavaScript from dist, never the repository's workspace source.
import { spawnSync } from "node:child_process";
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const store = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(store, "../..");
const requireFromStore = createRequire(path.join(store, "package.json"));

test("playcart resolves inside the store's own node_modules, to dist, from the tarball", () => {
  const installed = path.join(store, "node_modules", "playcart");
  // A workspace or `file:` link would be a symlink; a tarball install is a real directory.
  expect(lstatSync(installed).isSymbolicLink()).toBe(false);
  const entry = realpathSync(requireFromStore.resolve("playcart"));
  expect(entry.startsWith(path.join(installed, "dist") + path.sep)).toBe(true);
  expect(entry).not.toContain(`${path.sep}src${path.sep}`);
  expect(entry.startsWith(path.join(repo, "packages"))).toBe(false);
  const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
  expect(JSON.stringify(manifest.exports)).not.toContain("./src/");
});

test("the store is not a workspace of the repository's root", () => {
  const root = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));
  expect(root.workspaces).toEqual(["packages/*"]);
  const own = JSON.parse(readFileSync(path.join(store, "package.json"), "utf8"));
  expect(own.name).toBe("minimal-store");
  expect(own.private).toBe(true);
});

test("the tarball's `playcart migrate` put Playcart's tables beside the store's, and a second run changes nothing", async () => {
  const { default: postgres } = await import("postgres");
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [row] =
      await sql`select to_regclass('store_migrations') as store, to_regclass('playcart_migrations') as playcart, to_regclass('products') as products`;
    expect(row).toEqual({ store: "store_migrations", playcart: "playcart_migrations", products: "products" });
    const before = await sql`select count(*)::int as n from playcart_migrations`;
    const again = spawnSync(path.join(store, "node_modules", ".bin", "playcart"), ["migrate"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(again.status, again.stderr).toBe(0);
    expect(await sql`select count(*)::int as n from playcart_migrations`).toEqual(before);
  } finally {
    await sql.end({ timeout: 5 });
  }
});
