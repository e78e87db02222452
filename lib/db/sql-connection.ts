/**
 * A plain SQL connection to whichever database is configured, for the work that
 * happens outside Prisma Client: applying migrations and creating test databases.
 */
import pg from "pg";
import { databaseUrl, pgliteDir } from "../config";
import { closePglite, openPglite } from "./pglite";

export interface SqlConnection {
  readonly kind: "pglite" | "postgres";
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` inside a transaction on this connection. */
  transaction<T>(work: (tx: Pick<SqlConnection, "exec" | "query">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL URL; defaults to DATABASE_URL. */
  url?: string;
  /** Embedded database folder, used when there is no URL. */
  dir?: string;
}

export async function connectSql(options: ConnectOptions = {}): Promise<SqlConnection> {
  const url = options.url ?? (options.dir ? undefined : databaseUrl());
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const conn = {
      exec: async (sql: string) => void (await client.query(sql)),
      query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    return {
      kind: "postgres",
      ...conn,
      async transaction(work) {
        await client.query("BEGIN");
        try {
          const result = await work(conn);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      close: () => client.end(),
    };
  }
  const dir = options.dir ?? pgliteDir();
  const db = await openPglite(dir);
  return {
    kind: "pglite",
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => (await tx.query(sql, params)).rows as never,
        }),
      ),
    close: () => closePglite(dir),
  };
}
