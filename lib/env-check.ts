import { EnvError, env } from "./env";

try {
  env();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`\n[playcart] ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
