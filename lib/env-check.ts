import { mailConfig } from "./email/mail-config";
import { EnvError, env } from "./env";

try {
  env();
  // DKIM's key and domain are checked now too, not on the first email.
  mailConfig();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(`\n[playcart] ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
