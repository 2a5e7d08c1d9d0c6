// The checkout's chunks as the build lists them, and whether any holds Playcart's code.
// The build's list: the first-load chunks Next records for /checkout
// (.next/diagnostics/route-bundle-stats.json) and the entry chunks of the page and its layouts
// (the page's client reference manifest), in the build directory given (.next, or the build
// made without Playcart, .next-without-playcart).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { playcartCodeIn } from "../test/support/playcart-code";

const root = path.resolve(__dirname, "..");

type RscManifest = {
  clientModules: Record<string, { id: number | string; chunks: string[] }>;
  entryJSFiles?: Record<string, string[]>;
};

function manifestsIn(file: string): RscManifest[] {
  // The file assigns globalThis.__RSC_MANIFEST[page] = {...}; run it in a context of its own.
  const context = vm.createContext({});
  vm.runInContext(readFileSync(file, "utf8"), context);
  return Object.values((context as { __RSC_MANIFEST?: Record<string, RscManifest> }).__RSC_MANIFEST ?? {});
}

function clientReferenceManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return clientReferenceManifests(p);
    return e.name.endsWith("_client-reference-manifest.js") ? [p] : [];
  });
}

const CHECKOUT_MANIFEST = ["server", "app", "(store)", "checkout", "page_client-reference-manifest.js"];

/** The chunks the build in distDir lists for /checkout, as URL paths (/_next/static/chunks/…). */
export function checkoutBuildChunks(distDir: string): string[] {
  const dist = path.join(root, distDir);
  const paths = new Set<string>();
  const stats = path.join(dist, "diagnostics", "route-bundle-stats.json");
  if (existsSync(stats)) {
    const routes = JSON.parse(readFileSync(stats, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
    for (const p of routes.find((r) => r.route === "/checkout")?.firstLoadChunkPaths ?? [])
      paths.add(`/_next/${p.replace(/^.*?static\//, "static/")}`);
  }
  const manifest = path.join(dist, ...CHECKOUT_MANIFEST);
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: build the store first`);
  for (const m of manifestsIn(manifest))
    for (const files of Object.values(m.entryJSFiles ?? {})) for (const f of files) paths.add(`/_next/${f}`);
  if (paths.size === 0) throw new Error("the build lists no chunk for /checkout");
  return [...paths];
}

/** Module ids of Playcart's client components anywhere in the build in distDir (every page's client reference manifest). */
export function playcartModuleIds(distDir: string): Set<string> {
  const ids = new Set<string>();
  for (const file of clientReferenceManifests(path.join(root, distDir, "server", "app")))
    for (const m of manifestsIn(file))
      for (const [name, ref] of Object.entries(m.clientModules))
        if (/[/\\](packages[/\\]playcart|node_modules[/\\]playcart)[/\\]/.test(name)) ids.add(String(ref.id));
  return ids;
}

/**
 * Playcart's code in one chunk: a Playcart module defined there (a production chunk lists its
 * modules as `id, factory` pairs), or Playcart's own words. Null when there is none.
 */
export function playcartIn(js: string, moduleIds: Set<string>): string | null {
  for (const m of js.matchAll(/[,[](\d+),(?:\(?[\w$]*\)?=>|function)/g))
    if (moduleIds.has(m[1])) return `module ${m[1]}, a Playcart client component`;
  const words = playcartCodeIn(js);
  return words ? `"…${words}…"` : null;
}
