// packages/playcart is the plugin: a host store installs it as is, so it may import only
// packages and its own files, never the demo store. The demo store, in turn, uses Playcart
// only as a host would: through the entry points in the package's exports map.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const pkgDir = path.join(root, "packages/playcart");
const core = path.join(pkgDir, "src");
// React and Next.js belong to the framework layers (playcart/next, playcart/react,
// playcart/admin); the domains stay plain server code a host could run anywhere.
const UI_PACKAGES = new Set([
  "react",
  "react-dom",
  "next",
  "recharts",
  "react-querybuilder",
  "@react-email/components",
  "@react-email/render",
]);
const UI_DIRS = ["admin-ui", "react", "next"];
const REACT_DIR = path.join(core, "react");
const ADMIN_UI_DIR = path.join(core, "admin-ui");
// The demo store: everything a host store would own.
const DEMO = ["app", "components", "db", "lib", "pages", "scripts", "bench", "e2e", "instrumentation.ts", "proxy.ts"];

const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
// The package may import only what its package.json declares: a host installs nothing else.
const ALLOWED_PACKAGES = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const ENTRY_POINTS = new Set(
  Object.keys(pkg.exports)
    .filter((k) => k !== "./package.json")
    .map((k) => (k === "." ? pkg.name : `${pkg.name}/${k.slice(2)}`)),
);

function sourceFiles(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(p) ? [p] : [];
  return readdirSync(p, { withFileTypes: true }).flatMap((e) =>
    e.name === "node_modules" ? [] : sourceFiles(path.join(p, e.name)),
  );
}

// Every module specifier a file names, with whether the import is erased (import type).
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  // Comments may mention imports; leave them out.
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const specs = [
    ...text.matchAll(
      /(?:import|export)(\s+type)?\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|vi\.(?:do)?mock\(\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm,
    ),
  ];
  return specs.map((m) => ({ spec: m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6], typeOnly: Boolean(m[1]) }));
}

const inside = (target: string, dir: string) => target === dir || target.startsWith(dir + path.sep);

// (a) What the package may import.
function coreViolation(file: string, spec: string): string | null {
  if (spec.startsWith(".")) {
    return inside(path.resolve(path.dirname(file), spec), core) ? null : `leaves packages/playcart/src (${spec})`;
  }
  if (spec.startsWith("@/")) return `imports the host app (${spec})`;
  if (spec.startsWith("node:")) return null;
  const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  if (!ALLOWED_PACKAGES.has(name)) return `imports ${name}, which packages/playcart/package.json does not declare`;
  const ui = UI_DIRS.some((d) => inside(file, path.join(core, d)));
  return UI_PACKAGES.has(name) && !ui ? `imports ${name}, a framework package, outside ${UI_DIRS.join(", ")}` : null;
}

// Inside the package: a module in one domain folder reaches another domain through that
// domain's index. core/ holds the low-level modules every domain uses; they are imported
// file by file, and import other domains' files directly (a domain's index would load the
// whole domain into the modules it is itself built on, a cycle).
const DIRECT_IMPORTS_ALLOWED = new Set(["core"]);
function domainViolation(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const from = path.relative(core, file).split(path.sep);
  const to = path.relative(core, path.resolve(path.dirname(file), spec)).split(path.sep);
  if (from.length < 2 || to.length < 2 || from[0] === to[0]) return null;
  if (to.length === 2 && (to[1] === "index.ts" || to[1] === "index.tsx")) return null;
  if (DIRECT_IMPORTS_ALLOWED.has(from[0]) || DIRECT_IMPORTS_ALLOWED.has(to[0])) return null;
  return `reaches past the index of ${to[0]} (${spec})`;
}

// (b) How the demo store may reach Playcart.
function demoViolation(file: string, spec: string): string | null {
  if (spec === pkg.name || spec.startsWith(`${pkg.name}/`)) {
    return ENTRY_POINTS.has(spec) ? null : `imports ${spec}, which is not an entry point of ${pkg.name}`;
  }
  if (spec.startsWith("@/")) {
    return inside(path.join(root, spec.slice(2)), pkgDir) ? `reaches into the package (${spec})` : null;
  }
  if (spec.startsWith(".")) {
    return inside(path.resolve(path.dirname(file), spec), pkgDir) ? `reaches into the package (${spec})` : null;
  }
  return null;
}

// The modules playcart/client loads at run time (type-only imports are erased), transitively.
function runtimeClosure(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (spec.startsWith(".")) {
        const base = path.resolve(path.dirname(file), spec);
        const next = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
          (f) => existsSync(f) && statSync(f).isFile(),
        );
        if (next) visit(next);
      } else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...seen], packages: [...packages] };
}

describe("packages/playcart boundary", () => {
  const files = sourceFiles(core);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("imports nothing from the demo store (app/, components/, db/, lib/, ...)", () => {
    const problems = files.flatMap((f) =>
      importsOf(f)
        .map(({ spec }) => coreViolation(f, spec))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });

  it("reaches another domain only through its index (core/ modules file by file)", () => {
    const problems = files.flatMap((f) =>
      importsOf(f)
        .map(({ spec }) => domainViolation(f, spec))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });

  it("catches a forbidden import (the check itself works)", () => {
    const file = path.join(core, "games", "example.ts");
    expect(domainViolation(file, "../ledger/ledger.ts")).toMatch(/past the index of ledger/);
    expect(domainViolation(file, "../ledger/index.ts")).toBeNull();
    expect(domainViolation(file, "../ledger")).toBeNull();
    expect(domainViolation(file, "../core/money")).toBeNull();
    expect(domainViolation(file, "./play")).toBeNull();
    expect(coreViolation(file, "@/app/(store)/cart/actions")).toMatch(/host app/);
    expect(coreViolation(file, "../../../../lib/store/cart")).toMatch(/leaves packages\/playcart\/src/);
    expect(coreViolation(file, "left-pad")).toMatch(/does not declare/);
    expect(coreViolation(file, "next/headers")).toMatch(/framework package/);
    expect(coreViolation(path.join(core, "admin-ui", "page.tsx"), "next/navigation.js")).toBeNull();
    expect(coreViolation(path.join(core, "admin-ui", "page.tsx"), "next-auth")).toMatch(/does not declare/);
    expect(coreViolation(file, "./play")).toBeNull();
    expect(coreViolation(file, "../ledger")).toBeNull();
    expect(coreViolation(file, "react")).toMatch(/framework package/);
    expect(coreViolation(path.join(REACT_DIR, "example.tsx"), "next/dynamic")).toBeNull();
    expect(coreViolation(path.join(REACT_DIR, "example.tsx"), "react")).toBeNull();
  });

  // A "use client" file is bundled for the browser: it may load only playcart/client's
  // modules (through client.ts), other component files, React and Next; anything else (the
  // server's domains) as types only.
  const clientLoads = (file: string, spec: string, typeOnly: boolean): string | null => {
    if (typeOnly || !spec.startsWith(".")) return null;
    const target = path.resolve(path.dirname(file), spec);
    const ownUiFolder = inside(file, ADMIN_UI_DIR) && inside(target, ADMIN_UI_DIR);
    return target === path.join(core, "client.ts") || inside(target, REACT_DIR) || ownUiFolder
      ? null
      : `loads ${spec} in the browser`;
  };

  it("loads only client.ts and its own component files in client components (the rest as types)", () => {
    const clientFiles = files.filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(5);
    const problems = clientFiles.flatMap((f) =>
      importsOf(f)
        .map(({ spec, typeOnly }) => clientLoads(f, spec, typeOnly))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
    const file = path.join(REACT_DIR, "example.tsx");
    expect(clientLoads(file, "../loyalty/index.ts", false)).toMatch(/in the browser/);
    expect(clientLoads(file, "../loyalty/index.ts", true)).toBeNull();
    expect(clientLoads(file, "../client.ts", false)).toBeNull();
    expect(clientLoads(file, "./game-types.ts", false)).toBeNull();
    expect(clientLoads(path.join(ADMIN_UI_DIR, "components", "x.tsx"), "../action-state.ts", false)).toBeNull();
    expect(clientLoads(path.join(ADMIN_UI_DIR, "x.tsx"), "../admin/index.ts", false)).toMatch(/in the browser/);
    // Whatever they load, transitively, stays free of database code.
    const dbModules = clientFiles
      .flatMap((f) => runtimeClosure(f).files)
      .map((f) => path.relative(core, f))
      .filter((f) => /schema|db\.ts$/.test(f));
    expect([...new Set(dbModules)]).toEqual([]);
  });

  it("keeps playcart/react free of database code (its client components are bundled for the browser)", () => {
    const { files: loaded, packages } = runtimeClosure(path.join(REACT_DIR, "index.ts"));
    expect(loaded.length).toBeGreaterThan(10);
    expect(packages.filter((p) => !/^(react|next)(\/|$)/.test(p))).toEqual([]);
    // Outside its own folder it loads what playcart/client loads, nothing more.
    const clientModules = new Set(runtimeClosure(path.join(core, "client.ts")).files);
    expect(loaded.filter((f) => !inside(f, REACT_DIR) && !clientModules.has(f))).toEqual([]);
    expect(loaded.map((f) => path.relative(core, f)).filter((f) => /schema|db\.ts$/.test(f))).toEqual([]);
  });
});

describe("the demo store uses playcart only through its entry points", () => {
  const files = DEMO.flatMap((d) => sourceFiles(path.join(root, d)));

  it("has entry points and demo files to check", () => {
    expect([...ENTRY_POINTS].sort()).toEqual([
      "playcart",
      "playcart/admin",
      "playcart/admin.css",
      "playcart/client",
      "playcart/migrate",
      "playcart/next",
      "playcart/react",
      "playcart/schema",
      "playcart/styles.css",
    ]);
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => importsOf(f).some(({ spec }) => spec === "playcart"))).toBe(true);
  });

  it("imports no deeper path of playcart and nothing inside packages/playcart", () => {
    const problems = files.flatMap((f) =>
      importsOf(f)
        .map(({ spec }) => demoViolation(f, spec))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });

  it("catches a forbidden import (the check itself works)", () => {
    const file = path.join(root, "app", "admin", "example.ts");
    expect(demoViolation(file, "playcart/games/play")).toMatch(/not an entry point/);
    expect(demoViolation(file, "playcart/internal/games/play")).toMatch(/not an entry point/);
    expect(demoViolation(file, "playcart/src/index")).toMatch(/not an entry point/);
    expect(demoViolation(file, "@/packages/playcart/src/games/play")).toMatch(/reaches into the package/);
    expect(demoViolation(file, "../../packages/playcart/src/ledger")).toMatch(/reaches into the package/);
    expect(demoViolation(file, "playcart")).toBeNull();
    expect(demoViolation(file, "playcart/client")).toBeNull();
    expect(demoViolation(file, "playcart/react")).toBeNull();
    expect(demoViolation(file, "playcart/styles.css")).toBeNull();
    expect(demoViolation(file, "playcart/src/react/styles.css")).toMatch(/not an entry point/);
    expect(demoViolation(file, "@/lib/store/cart")).toBeNull();
  });

  it("loads only playcart/client in client components (other entry points as types only)", () => {
    const clientFiles = files.filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(5);
    const problems = clientFiles.flatMap((f) =>
      importsOf(f)
        .filter(({ spec, typeOnly }) => !typeOnly && (spec === "playcart" || spec === "playcart/schema"))
        .map(({ spec }) => `${path.relative(root, f)}: loads ${spec} in the browser`),
    );
    expect(problems).toEqual([]);
  });

  it("keeps playcart/client free of database code (it is bundled for the browser)", () => {
    const { files: loaded, packages } = runtimeClosure(path.join(core, "client.ts"));
    expect(loaded.length).toBeGreaterThan(3);
    expect(packages.filter((p) => /^(drizzle-orm|postgres|@electric-sql)/.test(p))).toEqual([]);
    expect(loaded.map((f) => path.relative(core, f)).filter((f) => /schema|db\.ts$/.test(f))).toEqual([]);
  });
});

describe("the minimal store (examples/minimal-store) uses playcart only through its entry points", () => {
  const example = path.join(root, "examples", "minimal-store");
  const files = ["app", "lib", "db", "components", "scripts", "e2e", "e2e-playcart"].flatMap((d) =>
    sourceFiles(path.join(example, d)),
  );

  it("imports no deeper path of playcart and nothing inside packages/playcart", () => {
    expect(files.some((f) => importsOf(f).some(({ spec }) => spec.startsWith("playcart/")))).toBe(true);
    const problems = files.flatMap((f) =>
      importsOf(f)
        .map(({ spec }) => demoViolation(f, spec))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });
});
