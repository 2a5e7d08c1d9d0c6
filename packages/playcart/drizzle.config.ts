// Playcart's own migrations, generated from its schema alone: they create only playcart_*
// objects and never touch a host's tables. `npm run db:generate -w playcart` after a schema change.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/core/schema.ts",
  out: "./migrations",
});
