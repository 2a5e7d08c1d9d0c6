// The KPI CSV writes numbers as numbers (a spreadsheet sums them, negative ones too) and
// defuses only text that a spreadsheet would run as a formula.
import { csvCell, csvRow } from "playcart/internal/admin-ui/csv-cell";
import { describe, expect, it } from "vitest";

/** What a spreadsheet reads from one unquoted or quoted RFC 4180 cell: a number only when bare and numeric. */
function spreadsheetValue(cell: string): number | string {
  if (cell.startsWith('"')) return cell.slice(1, -1).replace(/""/g, '"');
  const n = Number(cell);
  return cell !== "" && Number.isFinite(n) ? n : cell;
}

describe("KPI CSV cells", () => {
  it("writes a negative difference as a number, not as defused text", () => {
    expect(csvCell(-0.58)).toBe("-0.58");
    expect(spreadsheetValue(csvCell(-0.58))).toBe(-0.58);
    expect(spreadsheetValue(csvCell(-0.012345678901234))).toBe(-0.012345678901234);
  });

  it("writes whole and fractional numbers bare, and empty for missing or not finite", () => {
    expect(csvRow(["revenue_minor", 10805])).toBe('"revenue_minor",10805');
    expect(csvCell(0)).toBe("0");
    expect(csvCell(0.25)).toBe("0.25");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("defuses text a spreadsheet would run, and only text", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("2026-03-01")).toBe('"2026-03-01"');
  });

  it("a row of mixed cells reads back as the numbers and text written", () => {
    const values = ["2026-03-01", 12, -3, 0.5, 10805];
    const line = csvRow(values);
    expect(line.split(",").map(spreadsheetValue)).toEqual(values);
  });
});
