/**
 * The application's Prisma client. With DATABASE_URL it talks to PostgreSQL through
 * @prisma/adapter-pg; otherwise to the embedded PGlite database in the data folder.
 * It is created on first use, so importing this module opens nothing (builds and
 * tooling can load the code without touching a database).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl, pgliteDir } from "../config";
import { PGliteAdapterFactory } from "./adapter/pglite";
import { closeAllPglite, openPglite } from "./pglite";

export type { PrismaClient };
export { Prisma } from "../generated/prisma/client";

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept to compose work. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// PGlite runs one transaction at a time, so a transaction may wait for the one before it.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function createClient(options: { url?: string; dir?: string } = {}): PrismaClient {
  const url = options.url ?? (options.dir ? undefined : databaseUrl());
  if (url) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // JIT compilation costs hundreds of milliseconds on queries the planner thinks are
      // large, and short API queries never win it back.
      options: "-c jit=off",
    });
    return new PrismaClient({ adapter, transactionOptions });
  }
  const dir = options.dir ?? pgliteDir();
  return new PrismaClient({ adapter: new PGliteAdapterFactory(() => openPglite(dir)), transactionOptions });
}

const state = globalThis as unknown as { __harambeeDb?: PrismaClient };

export function getDb(): PrismaClient {
  return (state.__harambeeDb ??= createClient());
}

/** Closes the shared client (tests and scripts call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const client = state.__harambeeDb;
  state.__harambeeDb = undefined;
  await client?.$disconnect();
  await closeAllPglite();
}
