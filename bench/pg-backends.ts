// The Postgres backends that serve one application, found by pid: every connection of the
// app's pools announces an application_name (from ?application_name= in its DATABASE_URL,
// which postgres.js sends at startup), and pg_stat_activity maps it to the backend's pid.
import postgres from "postgres";

/** The URL with an application_name its connections announce (postgres.js passes it on at startup). */
export function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
}

/** Lists backends through one connection of its own, to the admin database (so never one of those listed). */
export class PgBackends {
  private readonly sql;

  constructor(adminUrl: string) {
    this.sql = postgres(adminUrl, {
      max: 1,
      onnotice: () => {},
      connection: { application_name: "playcart-bench-monitor" },
    });
  }

  /** A lister of the client backends connected to `database` as `applicationName`, for a CpuMeter. */
  of(database: string, applicationName: string): () => Promise<number[]> {
    return async () => {
      const rows = await this.sql<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity
        WHERE datname = ${database} AND application_name = ${applicationName} AND backend_type = 'client backend'`;
      return rows.map((r) => r.pid);
    };
  }

  close(): Promise<void> {
    return this.sql.end();
  }
}
