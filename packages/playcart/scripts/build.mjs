// `npm run build -w playcart`: compiles src/ to per-file JavaScript and declarations in
// dist/ with tsc (per file, so "use client" and "use server" stay on the modules that
// declare them), then copies the stylesheets beside them.
// `--if-stale`: only when dist/ is missing or older than a file it is built from (the tests
// that run the compiled CLI pass it: a second pass of the suite reuses the first one's build).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
// Written last, so a build that stopped halfway is never taken for a current one; beside
// dist/ rather than in it, so it is never packed.
const stamp = path.join(pkg, ".dist-built");

function isCurrent() {
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  const sources = [
    ...readdirSync(path.join(pkg, "src"), { recursive: true }).map((f) => path.join(pkg, "src", String(f))),
    path.join(pkg, "tsconfig.json"),
    path.join(pkg, "package.json"),
  ];
  return sources.every((f) => statSync(f).mtimeMs <= builtAt);
}

if (process.argv.includes("--if-stale") && isCurrent()) {
  console.log("playcart: dist/ is current");
  process.exit(0);
}

rmSync(stamp, { force: true });
rmSync(path.join(pkg, "dist"), { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, "-p", path.join(pkg, "tsconfig.json")], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

for (const file of readdirSync(path.join(pkg, "src"), { recursive: true })) {
  if (String(file).endsWith(".css")) cpSync(path.join(pkg, "src", file), path.join(pkg, "dist", file));
}
writeFileSync(stamp, "");
console.log("playcart: built dist/");
