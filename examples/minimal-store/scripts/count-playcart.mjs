// How much of this store exists only because it adopted Playcart: the figure the adoption
// budget (at most 4 files, 60 lines) is checked against, by test/unit/minimal-store-budget.test.ts.
//   - the files that are Playcart's alone count whole (non-blank lines);
//   - in every other file of the store, the non-blank lines that mention Playcart count;
//   - the dependency counts as one line of package.json (`npm i playcart`; the example's own
//     run installs the packed tarball with --no-save, so it is not written there).
// The store's test harness is not integration code and is not counted: e2e/, e2e-playcart/,
// scripts/, playwright.config.ts and the test-payments edge (lib/stripe/test-mode/).
// Usage: node examples/minimal-store/scripts/count-playcart.mjs [--json]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const store = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const PLAYCART_ONLY_FILES = [
  "lib/playcart.ts",
  "app/api/playcart/[...playcart]/route.ts",
  "app/admin/playcart/[[...path]]/page.tsx",
];
const HARNESS = ["e2e/", "e2e-playcart/", "scripts/", "playwright.config.ts", "lib/stripe/test-mode/"];
const SKIPPED_DIRS = new Set(["node_modules", ".next", "test-results"]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|css)$/;

function sourceFiles(dir = store) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) ? [path.relative(store, full).split(path.sep).join("/")] : [];
  });
}

/** The store's Playcart integration: each file with its counted lines, and the totals. */
export function countPlaycartIntegration() {
  const files = [];
  for (const file of sourceFiles()) {
    if (HARNESS.some((h) => file === h || file.startsWith(h))) continue;
    const lines = readFileSync(path.join(store, file), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const counted = PLAYCART_ONLY_FILES.includes(file) ? lines : lines.filter((l) => /playcart/i.test(l));
    if (counted.length > 0) files.push({ file, lines: counted.length, whole: PLAYCART_ONLY_FILES.includes(file) });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  const dependencyLines = 1;
  return {
    files,
    dependencyLines,
    fileCount: files.length,
    lineCount: files.reduce((n, f) => n + f.lines, 0) + dependencyLines,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = countPlaycartIntegration();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(count));
    process.exit(0);
  }
  const { files, dependencyLines, fileCount, lineCount } = count;
  for (const f of files)
    console.log(`${String(f.lines).padStart(4)}  ${f.file}${f.whole ? "" : " (lines naming Playcart)"}`);
  console.log(`${String(dependencyLines).padStart(4)}  package.json (the dependency: npm i playcart)`);
  console.log(`${String(lineCount).padStart(4)}  lines in ${fileCount} files and package.json`);
}
