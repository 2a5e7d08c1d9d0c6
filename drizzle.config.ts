import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // The demo store's own tables; Playcart's come from its own migrations (npx playcart migrate).
  schema: ["./db/schema/auth.ts", "./db/schema/store.ts"],
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
