/**
 * The application's Prisma client. With DATABASE_URL it talks to PostgreSQL through
 * @prisma/adapter-pg; otherwise to the embedded PGlite database in the data folder.
 * It is created on first use, so importing this module opens nothing (builds and
 * tooling can load the code without touching a database).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { databaseUrl, pgliteDir } from "../config";
import { PGliteAdapterFactory } from "./adapter/pglite";
import { closeAllPglite, openPglite } from "./pglite";

export type { PrismaClient };
export { Prisma };

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept to compose work. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// PGlite runs one transaction at a time, so a transaction may wait for the one before it.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function createClient(options: { url?: string; dir?: string } = {}): PrismaClient {
  const url = options.url ?? (options.dir ? undefined : databaseUrl());
  if (url) {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // JIT compilation costs hundreds of milliseconds on queries the planner thinks are
      // large, and short API queries never win it back.
      options: "-c jit=off",
    });
    // A connection the server drops while idle is replaced on next use; it must not end the process.
    pool.on("error", (error) => console.warn(`Idle database connection lost: ${error.message}`));
    const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions });
    pools.set(client, pool);
    return client;
  }
  const dir = options.dir ?? pgliteDir();
  return new PrismaClient({ adapter: new PGliteAdapterFactory(() => openPglite(dir)), transactionOptions });
}

/** The PostgreSQL pool under each client (none for the embedded database). */
const pools = new WeakMap<PrismaClient, pg.Pool>();

const state = globalThis as unknown as { __harambeeDb?: PrismaClient };

export function getDb(): PrismaClient {
  return (state.__harambeeDb ??= createClient());
}

/** Closes the shared client (tests and scripts call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const client = state.__harambeeDb;
  state.__harambeeDb = undefined;
  await client?.$disconnect();
  // Statements run by plainRows alone leave the pool open without the client having connected.
  const pool = client && pools.get(client);
  if (pool && !pool.ended) await pool.end();
  await closeAllPglite();
}

/**
 * Runs one statement outside any transaction and returns its rows, for the statements
 * every request runs (who is calling, the rate limit). On PostgreSQL they go straight to
 * the client's pool: the query engine's own work per statement was a sixth of a simple
 * request's time (`npm run bench:floor`). On the embedded database they go through the
 * client, whose adapter keeps them out of other transactions on its single connection.
 * Columns come back as node-postgres reads them, so select text, integers and timestamps.
 */
export async function plainRows<T>(query: Prisma.Sql): Promise<T[]> {
  const db = getDb();
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  return (await pool.query(query.text, query.values)).rows as T[];
}
