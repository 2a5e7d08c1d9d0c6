// @ts-check

// Built with PLAYCART_ENGAGE=off, the store is built without Playcart's shopper-facing parts:
// the modules the checkout and the header import them from (by exactly these specifiers) are
// replaced by one that renders nothing, so not one byte of Playcart's shopper code is in any
// page of that build (what `npm run bench:checkout` weighs the checkout against, and the e2e
// suite's store without Playcart). The build then runs with Playcart off whatever the server's
// PLAYCART_ENGAGE says (lib/store/engage.ts reads PLAYCART_ENGAGE_BUILT, fixed in at build).
// Set at run time only, PLAYCART_ENGAGE=off hides the parts but their code stays in the pages.
const builtWithoutPlaycart = process.env.PLAYCART_ENGAGE === "off";
const withoutPlaycart = "./components/store/without-playcart.tsx";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The playcart workspace package ships TypeScript source for now.
  transpilePackages: ["playcart"],
  poweredByHeader: false,
  env: { PLAYCART_ENGAGE_BUILT: builtWithoutPlaycart ? "off" : "on" },
  turbopack: builtWithoutPlaycart
    ? {
        resolveAlias: {
          "@/components/store/playcart-checkout-parts": withoutPlaycart,
          "@/components/store/rewards-launcher-part": withoutPlaycart,
        },
      }
    : {},
  // The build without Playcart (scripts/build-without-playcart.mjs) is the store's own code,
  // which its own build and `npm run typecheck` check: it skips the type check (BUILD_TYPECHECK=off).
  typescript: { ignoreBuildErrors: process.env.BUILD_TYPECHECK === "off" },
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
