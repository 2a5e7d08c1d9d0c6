// `npm run build -w playcart`: compiles src/ to per-file JavaScript and declarations in
// dist/ with tsc (per file, so "use client" and "use server" stay on the modules that
// declare them), then copies the stylesheets beside them.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(path.join(pkg, "dist"), { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, "-p", path.join(pkg, "tsconfig.json")], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

for (const file of readdirSync(path.join(pkg, "src"), { recursive: true })) {
  if (String(file).endsWith(".css")) cpSync(path.join(pkg, "src", file), path.join(pkg, "dist", file));
}
console.log("playcart: built dist/");
