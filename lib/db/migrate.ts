/**
 * The one migration runner: `npm run db:migrate`, `npm run db:setup` (and so `npm run dev`),
 * `npm start` and the test suite all apply prisma/migrations through `migrate()` here, on
 * the embedded database and on PostgreSQL alike.
 *
 * It keeps Prisma's bookkeeping: the same `_prisma_migrations` rows, checksums and advisory
 * lock as `prisma migrate deploy`, so a database migrated by either is accepted by the other
 * and `prisma migrate status` reads it. The scripts use it rather than the Prisma CLI because
 * it runs each migration in a transaction (a failed one leaves nothing half-applied to
 * resolve), takes about a second where the schema engine takes ten or more, and migrates the
 * embedded database in the same process that goes on to seed it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config";
import { connectSql, type ConnectOptions, type SqlConnection } from "./sql-connection";

// The advisory lock key `prisma migrate` takes, so concurrent migrators wait for each other.
const MIGRATE_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(): string {
  return path.join(projectRoot, "prisma", "migrations");
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const checksumOf = (sql: string) => crypto.createHash("sha256").update(sql).digest("hex");

/**
 * Whether `recorded` is the checksum of this migration. As Prisma does, a file whose line
 * endings changed (a checkout with CRLF) still matches what was applied from it.
 */
function matchesChecksum(migration: Migration, recorded: string): boolean {
  if (recorded === migration.checksum) return true;
  const lf = migration.sql.replace(/\r\n/g, "\n");
  return recorded === checksumOf(lf) || recorded === checksumOf(lf.replace(/\n/g, "\r\n"));
}

export class MigrationError extends Error {}

/** Applies pending migrations over an open connection; returns the names of those it applied. */
export async function applyMigrations(conn: SqlConnection, migrations = readMigrations()): Promise<string[]> {
  if (conn.kind === "postgres") await conn.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    // The latest record of a migration counts (a failed attempt may precede the one that worked).
    const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
    const done: string[] = [];
    for (const migration of migrations) {
      const record = applied.get(migration.name);
      if (record) {
        if (record.finished_at === null) {
          throw new MigrationError(
            `Migration ${migration.name} started but did not finish; resolve it (npx prisma migrate resolve) before migrating again.`,
          );
        }
        if (!matchesChecksum(migration, record.checksum)) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied.`);
        }
        continue;
      }
      await conn.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
      });
      done.push(migration.name);
    }
    return done;
  } finally {
    if (conn.kind === "postgres") await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]);
  }
}

export interface MigrateResult {
  /** Names of the migrations applied now, in order; empty when none was pending. */
  applied: string[];
  /** The database migrated, for messages: "PostgreSQL (DATABASE_URL)" or "the embedded database". */
  database: string;
}

/**
 * Connects to the configured database (DATABASE_URL, else the embedded one in the data
 * folder) or to `target`, applies pending migrations and closes the connection.
 */
export async function migrate(target: ConnectOptions = {}): Promise<MigrateResult> {
  const conn = await connectSql(target);
  try {
    const applied = await applyMigrations(conn);
    return { applied, database: conn.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database" };
  } finally {
    await conn.close();
  }
}
