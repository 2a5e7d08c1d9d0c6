/** @type {import('next').NextConfig} */
const nextConfig = {
  // This store sits inside another project's folder: keep Turbopack and output tracing to
  // this directory, so every module comes from this store's own node_modules (the root's
  // workspace link to the package under test is never reachable from here).
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // BUILD_CACHE=off: a build that no later build follows (CI's clean clone) skips writing
  // Turbopack's build cache, which takes 15-50 s on a 2-core machine.
  experimental: { turbopackFileSystemCacheForBuild: process.env.BUILD_CACHE !== "off" },
};

export default nextConfig;
