/**
 * Batched, idempotent inserts. Small tables go through Prisma's createMany; the
 * high-volume education tables go through one `json_populate_recordset` statement per
 * batch, which costs a fraction of the client-side work of createMany (that matters at
 * --scale 100). Both skip rows that already exist (ON CONFLICT DO NOTHING).
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** Maps every field of a CreateManyInput type to its column, so schema drift fails type-checking. */
export type ColumnMap<T> = { [K in keyof Required<T>]: string };

export interface TableSpec<T> {
  table: string;
  columns: ColumnMap<T>;
}

export type Counts = Record<string, number>;

export function addCount(counts: Counts, key: string, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`Cannot insert ${value}`);
      return String(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    default:
      if (value instanceof Date) return `"${value.toISOString()}"`;
      // Json columns take the value itself.
      return JSON.stringify(value);
  }
}

/** Rows per statement: enough to amortise round trips, small enough to keep memory flat. */
export const BULK_BATCH = 5000;

export async function bulkInsert<T extends object>(
  db: PrismaClient,
  spec: TableSpec<T>,
  rows: readonly T[],
  batchSize = BULK_BATCH,
): Promise<number> {
  if (rows.length === 0) return 0;
  const fields = Object.keys(spec.columns) as Array<keyof T & string>;
  const columns = fields.map((f) => spec.columns[f]);
  const keys = columns.map((c) => `${JSON.stringify(c)}:`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const sql = `INSERT INTO "${spec.table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${spec.table}", $1::json) ON CONFLICT DO NOTHING`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const parts: string[] = [];
    const end = Math.min(rows.length, start + batchSize);
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      let json = "{";
      for (let c = 0; c < fields.length; c++) {
        if (c > 0) json += ",";
        json += keys[c] + sqlValue(row[fields[c]!]);
      }
      parts.push(json + "}");
    }
    inserted += await db.$executeRawUnsafe(sql, `[${parts.join(",")}]`);
  }
  return inserted;
}

/** createMany in batches; `insert` is e.g. `(data) => db.program.createMany({ data, skipDuplicates: true })`. */
export async function createInBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<{ count: number }>,
  batchSize = 2000,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    inserted += (await insert(rows.slice(start, start + batchSize))).count;
  }
  return inserted;
}
