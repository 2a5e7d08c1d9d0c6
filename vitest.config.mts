import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Tests of the core's internals (test/unit, test/pg) reach its modules here; the demo
      // store uses only the package's entry points (test/unit/architecture.test.ts).
      { find: /^playcart\/internal\//, replacement: `${root}packages/playcart/src/` },
      // The real package throws outside a React Server Components bundle.
      { find: /^server-only$/, replacement: `${root}test/support/empty.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Migrates one PGlite for the whole run; each test's database is a copy of it.
          globalSetup: ["test/support/pglite-template.ts"],
          // Vitest's default is one worker fewer than the cores, which on a 2-core machine is
          // one: the files (each on its own in-memory database) run side by side instead.
          maxWorkers: "100%",
          // In CI this lane runs at nice 19 beside the pg and e2e lanes and at times gets a tenth
          // of a core: an in-memory database's migrations alone have taken over a minute there,
          // and the ledger's property test 63 s (its whole file takes 12 s on a quiet machine).
          // A hang still fails, three minutes in (a test or a hook).
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "pg",
          include: ["test/pg/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
