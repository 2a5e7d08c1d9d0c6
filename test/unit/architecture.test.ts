// lib/engage is the plugin core: a host store adopts it as is, so it may import only
// packages and its own files, never the demo store (app/, components/, db/, other lib/).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const core = path.join(root, "lib/engage");
const ALLOWED_PACKAGES = new Set(["drizzle-orm", "zod", "luxon", "json-logic-engine"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ];
  return specs.map((m) => m[1] ?? m[2] ?? m[3]);
}

function violation(file: string, spec: string): string | null {
  if (spec.startsWith(".")) {
    const target = path.resolve(path.dirname(file), spec);
    return target.startsWith(core + path.sep) || target === core ? null : `leaves lib/engage (${spec})`;
  }
  if (spec.startsWith("@/")) return `imports the host app (${spec})`;
  if (spec.startsWith("node:")) return null;
  const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  return ALLOWED_PACKAGES.has(pkg) ? null : `imports ${pkg}, which the core has not been allowed to use`;
}

describe("lib/engage boundary", () => {
  const files = sourceFiles(core);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("imports nothing from app/, components/, db/ or the rest of lib/", () => {
    const problems = files.flatMap((f) =>
      importsOf(f)
        .map((s) => violation(f, s))
        .filter(Boolean)
        .map((v) => `${path.relative(root, f)}: ${v}`),
    );
    expect(problems).toEqual([]);
  });

  it("catches a forbidden import (the check itself works)", () => {
    const file = path.join(core, "example.ts");
    expect(violation(file, "@/app/(store)/cart/actions")).toMatch(/host app/);
    expect(violation(file, "../store/cart")).toMatch(/leaves lib\/engage/);
    expect(violation(file, "next/headers")).toMatch(/not been allowed/);
    expect(violation(file, "./ledger")).toBeNull();
  });
});
