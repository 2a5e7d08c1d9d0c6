// The package as it ships: the migrations bundled into its JavaScript match its SQL files,
// and packing points every entry point at the compiled output.
import { MIGRATIONS } from "playcart/internal/migrate/bundled";
import { createdObjects } from "playcart/internal/migrate/runner";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without declarations
import { readMigrations } from "../../packages/playcart/scripts/bundle-migrations.mjs";
// @ts-expect-error: a plain .mjs build script without declarations
import { distExports } from "../../packages/playcart/scripts/pack-manifest.mjs";

describe("playcart's bundled migrations", () => {
  it("are exactly the SQL in packages/playcart/migrations (run `npm run db:generate -w playcart`)", () => {
    expect(MIGRATIONS).toEqual(readMigrations());
  });

  it("name every table, trigger and function they create, for adopting a database set up by hand", () => {
    const names = createdObjects(MIGRATIONS);
    expect(names).toContain("table playcart_ledger_entries");
    expect(names).toContain("trigger playcart_ledger_apply");
    expect(names).toContain("function playcart_ledger_apply");
    expect(names).toContain("function playcart_refuse_play");
    expect(names).toContain("trigger playcart_rules_versions_no_update");
    expect(names.filter((n) => /^trigger .*(_no_|_apply$)/.test(n))).toHaveLength(11);
    expect(names).toContain("table playcart_point_lots");
    expect(names).toContain("trigger playcart_lot_allocation_check");
  });
});

describe("packing playcart", () => {
  it("points every entry point at dist/ with its declarations", () => {
    expect(
      distExports({
        ".": "./src/index.ts",
        "./react": "./src/react/index.tsx",
        "./styles.css": "./src/react/styles.css",
        "./package.json": "./package.json",
      }),
    ).toEqual({
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./react": { types: "./dist/react/index.d.ts", default: "./dist/react/index.js" },
      "./styles.css": "./dist/react/styles.css",
      "./package.json": "./package.json",
    });
  });
});
