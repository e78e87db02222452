/**
 * The part of a Prisma driver adapter that runs one statement: shared by the PGlite
 * adapter and the node-postgres migration adapter, which differ only in how a
 * statement reaches the database.
 */
import { DriverAdapterError, type SqlQuery, type SqlQueryable, type SqlResultSet } from "@prisma/driver-adapter-utils";
import { columnTypeFor, toDriverValue, UnsupportedColumnTypeError } from "./conversion";

export const ADAPTER_NAME = "harambee-postgres";

export interface StatementResult {
  fields: Array<{ name: string; dataTypeID: number }>;
  rows: unknown[][];
  affectedRows?: number | null;
}

/** Runs one parameterised statement with rows as arrays and values parsed from text. */
export type RunStatement = (sql: string, values: unknown[]) => Promise<StatementResult>;

interface PostgresError {
  code?: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
  constraint?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as PostgresError).code === "string" &&
    typeof (error as PostgresError).severity === "string"
  );
}

/** Maps a Postgres error to the kinds Prisma turns into P2002, P2003 and friends. */
export function toAdapterError(error: unknown): never {
  if (!isPostgresError(error)) throw error;
  const fields = error.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ");
  switch (error.code) {
    case "23505":
      throw new DriverAdapterError({ kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined });
    case "23502":
      throw new DriverAdapterError({ kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined });
    case "23503":
      throw new DriverAdapterError({
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : error.constraint ? { index: error.constraint } : undefined,
      });
    case "40001":
      throw new DriverAdapterError({ kind: "TransactionWriteConflict" });
    case "22001":
      throw new DriverAdapterError({ kind: "LengthMismatch", column: error.column });
    case "22003":
      throw new DriverAdapterError({ kind: "ValueOutOfRange", cause: error.message });
    default:
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "N/A",
        severity: error.severity ?? "N/A",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
  }
}

export class StatementQueryable implements SqlQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(protected readonly runStatement: RunStatement) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const { fields, rows } = await this.run(query);
    let columnTypes;
    try {
      columnTypes = fields.map((field) => columnTypeFor(field.dataTypeID));
    } catch (error) {
      if (error instanceof UnsupportedColumnTypeError) {
        throw new DriverAdapterError({ kind: "UnsupportedNativeDataType", type: String(error.oid) });
      }
      throw error;
    }
    return { columnNames: fields.map((field) => field.name), columnTypes, rows };
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.run(query)).affectedRows ?? 0;
  }

  private async run(query: SqlQuery): Promise<StatementResult> {
    const values = query.args.map((arg, i) => toDriverValue(arg, query.argTypes[i]));
    try {
      return await this.runStatement(query.sql, values);
    } catch (error) {
      toAdapterError(error);
    }
  }
}
