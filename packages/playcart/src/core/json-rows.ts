// Rows fetched as JSON inside a larger statement (row_to_json, json_agg) come back with SQL
// column names and driver-level values; this maps them to the table's TypeScript row type
// with the same column mappers Drizzle uses, so one round trip can carry several tables.
import { type Column, getTableColumns, type Table } from "drizzle-orm";

// A table's columns never change in a running process: listed once, not on every row of every play.
const columnsOf = new WeakMap<Table, [key: string, column: Column][]>();

export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  let columns = columnsOf.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnsOf.set(table, columns);
  }
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T["$inferSelect"];
}
