// Issue 11's adoption budget, checked on the minimal store (examples/minimal-store): a host
// adopts Playcart with at most 4 files and 60 lines of integration code (the dependency's line
// of package.json included). The count is the store's own script, whose rules its README states.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

type Count = { files: { file: string; lines: number; whole: boolean }[]; fileCount: number; lineCount: number };

const count: Count = JSON.parse(
  execFileSync(process.execPath, ["examples/minimal-store/scripts/count-playcart.mjs", "--json"], { encoding: "utf8" }),
);

describe("the minimal store's Playcart integration", () => {
  it("fits in at most 4 files and 60 lines", () => {
    expect(count.fileCount).toBeLessThanOrEqual(4);
    expect(count.lineCount).toBeLessThanOrEqual(60);
  });

  it("lives in the files its README lists, and nowhere else", () => {
    expect(count.files.map((f) => f.file)).toEqual([
      "app/admin/playcart/[[...path]]/page.tsx",
      "app/api/playcart/[...playcart]/route.ts",
      "app/checkout/page.tsx",
      "lib/playcart.ts",
    ]);
  });
});
