// The checkout two ways, for the checkout benches: one seeded database, fresh shoppers with a
// cart, and two `next start` servers on it, this build ("on", on `port`) and the one built into
// `offDistDir` ("off", on `port` + 1).
import { seed } from "@/db/seed";
import { createTestDatabase } from "../test/support/pg";
import { type NextServer, startNext } from "./next-server";
import type { Side } from "./pairs";
import { Sessions } from "./play-http";

export type CheckoutServers = {
  servers: Record<Side, NextServer>;
  /** A new first-time shopper with a cart for every load. */
  sessions: Sessions;
  stop: () => Promise<void>;
};

export async function startCheckoutServers(opts: {
  port: number;
  offDistDir: string;
  sessions: number;
}): Promise<CheckoutServers> {
  const t = await createTestDatabase();
  const started: NextServer[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop().catch(() => {})));
    await t.drop();
  };
  try {
    await seed(t.db);
    const sessions = await Sessions.create(t.db, opts.sessions);
    const start = async (port: number, env?: Record<string, string>) => {
      const server = await startNext({ databaseUrl: t.url, port, env });
      started.push(server);
      return server;
    };
    const on = await start(opts.port);
    const off = await start(opts.port + 1, { NEXT_DIST_DIR: opts.offDistDir });
    return { servers: { on, off }, sessions, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
