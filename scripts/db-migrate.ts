/** `npm run db:migrate`: applies prisma/migrations to the configured database. */
import { applyMigrations } from "../lib/db/migrate";
import { connectSql } from "../lib/db/sql-connection";

const conn = await connectSql();
try {
  const applied = await applyMigrations(conn);
  const where = conn.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database";
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `No pending migrations for ${where}.`);
} finally {
  await conn.close();
}
