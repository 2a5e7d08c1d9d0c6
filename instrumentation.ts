// Runs once when the server starts: a malformed environment stops it with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/env-check");
}
