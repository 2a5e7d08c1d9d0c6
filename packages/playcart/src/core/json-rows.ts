// Rows fetched as JSON inside a larger statement (row_to_json, json_agg) come back with SQL
// column names and driver-level values; this maps them to the table's TypeScript row type
// with the same column mappers Drizzle uses, so one round trip can carry several tables.
import { getTableColumns, type Table } from "drizzle-orm";

export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T["$inferSelect"];
}
