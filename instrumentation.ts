// Runs once when the server starts: a malformed environment stops it with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`\n[playcart] ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
