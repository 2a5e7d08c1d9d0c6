// One CSV cell (RFC 4180). Numbers are written as numbers, bare, so a spreadsheet sums them
// (a negative difference too). Only text is defused against formula injection: a cell a
// spreadsheet would run (=, +, -, @, tab, carriage return first) gets a leading apostrophe.
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    return String(v);
  }
  const s = String(v);
  const text = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(",");
