/**
 * Runs before `npm run dev`: applies pending migrations and, when the database has no
 * accounts yet, loads the demo data, so a fresh checkout starts with a working product.
 */
import { createClient } from "../lib/db";
import { applyMigrations } from "../lib/db/migrate";
import { closeAllPglite } from "../lib/db/pglite";
import { connectSql } from "../lib/db/sql-connection";
import { seed } from "../prisma/seed/seed";

const started = Date.now();
const conn = await connectSql();
const where = conn.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database";
try {
  const applied = await applyMigrations(conn);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${where}.`);
} finally {
  if (conn.kind === "postgres") await conn.close();
}

const db = createClient();
try {
  if ((await db.user.count()) === 0) {
    console.log(`Loading demo data into ${where} (first start only)…`);
    await seed(db, { log: (message: string) => console.log(`  ${message}`) });
  }
  console.log(`Database ready in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
} finally {
  await db.$disconnect();
  await closeAllPglite();
}
