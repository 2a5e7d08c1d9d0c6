// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // The playcart workspace package ships TypeScript source for now.
  transpilePackages: ["playcart"],
  poweredByHeader: false,
  // Separate builds can live side by side (e.g. a test server next to the demo).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

module.exports = nextConfig;
