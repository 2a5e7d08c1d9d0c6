// A hot statement written once per shape. Drizzle writes a statement's text by walking its
// chunks on every call: for a play's statements (its read, with the customer's profile, and
// its claim), that walk and what it allocates were a larger share of a play's CPU than the
// draw itself (a CPU profile of play() in process). A shaped statement's text depends only on
// its shape (which of its optional parts it has), so it is written once per shape, with
// sql.placeholder() for every value, and each call only fills in its values.
import { is, Placeholder, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type EngageDb, executePrepared, type Query } from "./db.ts";

const dialect = new PgDialect();

export class ShapedStatement<Shape> {
  readonly #written = new Map<string, { sql: string; names: string[] }>();

  /**
   * `keyOf` names a shape; `write` writes its statement, with a placeholder for every value. It
   * must depend on the shape alone: a value written into the text would serve every later call.
   * A value bound as a parameter is refused when the shape is first written; one spliced in as
   * text (sql.raw, sql.identifier) cannot be told from the statement's own words, so write
   * only constants that way.
   */
  constructor(
    private readonly keyOf: (shape: Shape) => string,
    private readonly write: (shape: Shape) => SQL,
  ) {}

  /**
   * This shape's text, with `values` as its parameters. Build `values` as one object literal,
   * adding any computed keys after it (Object.assign(literal, extra)), not `{ ...extra, a, b }`:
   * V8 turns an object that receives more than a dozen keys one at a time into a dictionary,
   * and a play's claim then cost more to fill than to draw.
   */
  query(shape: Shape, values: Readonly<Record<string, unknown>>): Query {
    const key = this.keyOf(shape);
    let written = this.#written.get(key);
    if (!written) {
      const { sql, params } = dialect.sqlToQuery(this.write(shape));
      const names = params.map((p) => {
        if (!is(p, Placeholder)) throw new Error(`A shaped statement's values must be placeholders (shape ${key}).`);
        return p.name;
      });
      written = { sql, names };
      this.#written.set(key, written);
    }
    const params = written.names.map((name) => {
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      // undefined is a value missed, not SQL's NULL: pass null for that.
      if (value === undefined) throw new Error(`No value for "${name}" (shape ${key}).`);
      return value;
    });
    return { sql: written.sql, params };
  }

  /** Runs the statement for this shape and these values (prepared on postgres.js); its rows. */
  execute<T>(db: EngageDb, shape: Shape, values: Readonly<Record<string, unknown>>): Promise<T[]> {
    return executePrepared<T>(db, this.query(shape, values));
  }
}
