import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

// Opened on first use, not at import: `next build` imports this module without a database.
let db: ReturnType<typeof open> | undefined;

function open() {
  return drizzle(postgres(env().DATABASE_URL, { max: 5, onnotice: () => {} }), { schema });
}

export function getDb() {
  db ??= open();
  return db;
}

export type Db = ReturnType<typeof getDb>;
