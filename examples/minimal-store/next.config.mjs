/** @type {import('next').NextConfig} */
const nextConfig = {
  // This store sits inside another project's folder: keep Turbopack and output tracing to
  // this directory, so every module comes from this store's own node_modules (the root's
  // workspace link to the package under test is never reachable from here).
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // Playcart's CI builds this store once per clean clone: it skips writing Turbopack's build cache.
  experimental: { turbopackFileSystemCacheForBuild: process.env.PLAYCART_BUILD_CACHE !== "off" },
};

export default nextConfig;
