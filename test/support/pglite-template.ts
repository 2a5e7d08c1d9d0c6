// The unit project's global setup: one in-memory PGlite is created and migrated here, once per
// run, and its data directory written to a temporary file. Each test's database (pglite.ts)
// starts from a copy of it instead of running initdb and every migration again: about half a
// second instead of three, for each of the many databases the unit tests open.
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory (an uncompressed tarball), for createMemoryDb. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const handle = await openPglite();
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const file = path.join(os.tmpdir(), `playcart-pglite-${process.pid}-${Date.now()}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rm(file, { force: true });
}
