import { type Db, openPglite } from "@/db/client";

/** A fresh in-memory PGlite with every migration applied. */
export async function createMemoryDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const { db, close } = await openPglite();
  return { db, close };
}
