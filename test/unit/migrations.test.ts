import { afterAll, beforeAll, describe } from "vitest";
import type { Db } from "@/db/client";
import { migrationInvariants } from "../support/migration-suite";
import { createMemoryDb } from "../support/pglite";

describe("migrations on in-memory PGlite", () => {
  let handle: { db: Db; close: () => Promise<void> };
  beforeAll(async () => {
    handle = await createMemoryDb();
  });
  afterAll(async () => {
    await handle?.close();
  });

  migrationInvariants(() => handle.db);
});
