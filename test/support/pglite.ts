import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type Db, openPglite } from "@/db/client";
import * as schema from "@/db/schema";

let template: Promise<Blob> | undefined;

/**
 * A fresh in-memory PGlite with every migration applied: a copy of the one the unit project's
 * global setup migrated (pglite-template.ts), or, outside it, a new database migrated here.
 */
export async function createMemoryDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const file = inject("pgliteTemplate");
  if (!file) {
    const { db, close } = await openPglite();
    return { db, close };
  }
  template ??= readFile(file).then((bytes) => new Blob([new Uint8Array(bytes)]));
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite({ loadDataDir: await template });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, close: () => client.close() };
}
