// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The playcart workspace package ships TypeScript source for now.
  transpilePackages: ["playcart"],
  poweredByHeader: false,
  // Turbopack's build cache makes the next build in this tree faster, and takes 15-50 s to
  // write on a 2-core machine. A clean clone that builds once (CI) sets BUILD_CACHE=off.
  experimental: { turbopackFileSystemCacheForBuild: process.env.BUILD_CACHE !== "off" },
  // Separate builds can live side by side (e.g. a test server next to the demo).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Playcart's routes moved under its one catch-all route (/api/playcart/...). Links in
  // reminder emails already sent, referral links already shared and older browser code keep
  // working: 308 keeps the method and body (a one-click unsubscribe POST stays a POST).
  async redirects() {
    return [
      ["/comeback/:token", "/api/playcart/comeback/:token"],
      ["/unsubscribe/:token", "/api/playcart/unsubscribe/:token"],
      ["/r/:code", "/api/playcart/r/:code"],
      ["/api/engage/play", "/api/playcart/play"],
      ["/api/push/subscribe", "/api/playcart/push"],
      ["/api/cron/:job(events|reminders)", "/api/playcart/cron/:job"],
    ].map(([source, destination]) => ({ source, destination, permanent: true }));
  },
};

module.exports = nextConfig;
