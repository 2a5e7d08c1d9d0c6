// npm pack / publish: the workspace's package.json points its entry points at the
// TypeScript source (the demo store and the tests run it as is); the tarball's must point
// at the compiled dist/. `prepack` rewrites every export by one rule (src/X.ts -> dist/X.js
// with dist/X.d.ts), so a new entry point needs no second list; `postpack` restores the file.
// Hand-written rather than clean-package: that tool replaces fields with literal values,
// which would be a second copy of the exports map to keep in step.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.join(pkg, "package.json");
const saved = path.join(pkg, ".package.json.workspace");

export function distExports(exports) {
  const out = {};
  for (const [key, target] of Object.entries(exports)) {
    if (typeof target !== "string" || !target.startsWith("./src/")) {
      out[key] = target;
      continue;
    }
    const rel = target.slice("./src/".length);
    if (rel.endsWith(".css")) {
      out[key] = `./dist/${rel}`;
      continue;
    }
    const base = rel.replace(/\.tsx?$/, "");
    out[key] = { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` };
  }
  return out;
}

const [command] = process.argv.slice(2);
if (command === "prepare") {
  if (existsSync(saved)) throw new Error(`${saved} exists: a previous pack did not finish; restore it first`);
  copyFileSync(manifest, saved);
  const json = JSON.parse(readFileSync(manifest, "utf8"));
  json.exports = distExports(json.exports);
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
} else if (command === "restore") {
  if (existsSync(saved)) renameSync(saved, manifest);
} else if (command) {
  throw new Error(`unknown command ${command}: prepare or restore`);
}
