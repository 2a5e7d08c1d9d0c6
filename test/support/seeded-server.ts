// A throwaway seeded database with `next start` on it, for the suites that drive the store
// over HTTP. The database is dropped if the server fails to start.
import { seed } from "@/db/seed";
import { createTestDatabase } from "./pg";
import { startServer, type TestServer } from "./server";

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

export async function startSeededServer(): Promise<{
  t: TestDatabase;
  server: TestServer;
  close: () => Promise<void>;
}> {
  const t = await createTestDatabase();
  try {
    await seed(t.db);
    const server = await startServer({ databaseUrl: t.url });
    return {
      t,
      server,
      close: async () => {
        await server.stop();
        await t.drop();
      },
    };
  } catch (err) {
    await t.drop();
    throw err;
  }
}
