/**
 * The committed migrations apply from empty to both kinds of database, and the runner
 * keeps Prisma's bookkeeping: it accepts a database `prisma migrate deploy` migrated.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, serverUrl, tempDataDir, uniqueSuffix } from "@/tests/test-databases";
import { applyMigrations, MigrationError, readMigrations } from "./migrate";
import { connectSql, type SqlConnection } from "./sql-connection";

async function tableNames(conn: SqlConnection): Promise<string[]> {
  const rows = await conn.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

async function checkFreshDatabase(conn: SqlConnection) {
  const migrations = readMigrations();
  expect(migrations.length).toBeGreaterThan(0);
  expect(await applyMigrations(conn)).toEqual(migrations.map((m) => m.name));
  const tables = await tableNames(conn);
  for (const table of ["users", "students", "sponsorships", "payments", "proposals", "partnerships", "contracts", "_prisma_migrations"]) {
    expect(tables).toContain(table);
  }
  const recorded = await conn.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
  );
  expect(recorded).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  // A second run applies nothing.
  expect(await applyMigrations(conn)).toEqual([]);
  // An applied migration that changed afterwards is refused.
  const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: "0".repeat(64) } : m));
  await expect(applyMigrations(conn, edited)).rejects.toBeInstanceOf(MigrationError);
  // The same file checked out with other line endings is still the migration that was applied.
  const crlf = migrations.map((m) => ({ ...m, sql: m.sql.replace(/\r?\n/g, "\r\n"), checksum: "f".repeat(64) }));
  expect(await applyMigrations(conn, crlf)).toEqual([]);
  // A migration that fails leaves neither its changes nor a record behind.
  const failing = { name: "99999999999999_failing", sql: 'CREATE TABLE "half_done" (id int); SELECT 1/0;', checksum: "1".repeat(64) };
  await expect(applyMigrations(conn, [...migrations, failing])).rejects.toThrow();
  expect(await tableNames(conn)).not.toContain("half_done");
  expect(await applyMigrations(conn)).toEqual([]);
}

describe("migrations", () => {
  it("apply from empty to an embedded database", async () => {
    const root = tempDataDir("migrate");
    const conn = await connectSql({ dir: path.join(root, "pglite") });
    try {
      await checkFreshDatabase(conn);
    } finally {
      await conn.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!serverUrl())("apply from empty to a PostgreSQL database", async () => {
    const name = `harambee_migrate_${uniqueSuffix()}`;
    const url = await createPostgresDatabase(serverUrl()!, name);
    const conn = await connectSql({ url });
    try {
      await checkFreshDatabase(conn);
      // The Prisma CLI, through the project's migration adapter, agrees nothing is pending.
      const { stdout } = await promisify(execFile)("npx", ["prisma", "migrate", "status"], {
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      });
      expect(stdout).toContain("Database schema is up to date");
    } finally {
      await conn.close();
      await dropPostgresDatabase(serverUrl()!, name);
    }
  });

  it.skipIf(!serverUrl())("accept a PostgreSQL database that prisma migrate deploy migrated", async () => {
    const name = `harambee_deploy_${uniqueSuffix()}`;
    const url = await createPostgresDatabase(serverUrl()!, name);
    const env = { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" };
    await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], { env });
    const conn = await connectSql({ url });
    try {
      expect(await applyMigrations(conn)).toEqual([]);
    } finally {
      await conn.close();
      await dropPostgresDatabase(serverUrl()!, name);
    }
  });
});
