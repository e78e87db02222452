/**
 * Prisma CLI configuration: `prisma generate`, writing migrations (`prisma migrate diff`)
 * and inspecting or repairing a database's migration history (`prisma migrate status`,
 * `prisma migrate resolve`). Migrations are applied by lib/db/migrate.ts (`npm run
 * db:migrate`); it keeps the same `_prisma_migrations` records, so `prisma migrate deploy`
 * and it accept each other's databases. The CLI runs the JavaScript schema engine through
 * the project's own driver adapters, offline, on the embedded database and on a PostgreSQL
 * server (DATABASE_URL) alike.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl, pgliteDir } from "./lib/config";
import { NodePostgresAdapterFactory } from "./lib/db/adapter/node-postgres";
import { PGliteAdapterFactory } from "./lib/db/adapter/pglite";
import { closePglite, openPglite } from "./lib/db/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = databaseUrl();
    if (url) return new NodePostgresAdapterFactory(url, process.env.SHADOW_DATABASE_URL);
    const dir = pgliteDir();
    // The CLI is a short-lived process: close the database when it is done with it.
    return new PGliteAdapterFactory(
      () => openPglite(dir),
      () => closePglite(dir),
    );
  },
});
