// Preloaded into the app server by `BENCH_PROFILE=<dir> npm run bench:webhook` (or bench:play): SIGUSR2
// starts a V8 CPU profile, the next SIGUSR2 writes it to <dir> (open it in Chrome DevTools
// or speedscope). NODE_OPTIONS may not carry --cpu-prof, and `next start` would profile the
// whole run; this profiles exactly the slices the bench asks for.
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.PLAYCART_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (err, result) => {
      if (err) return console.error("[profile]", err.message);
      const file = path.join(
        dir,
        `${process.env.PLAYCART_CPU_PROFILE_NAME || "server"}-${process.pid}-${Date.now()}.cpuprofile`,
      );
      fs.writeFileSync(file, JSON.stringify(result.profile));
      console.log(`[profile] wrote ${file}`);
    });
  });
}
