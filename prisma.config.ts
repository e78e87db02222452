/**
 * Prisma CLI configuration. Migrations run on the JavaScript schema engine through
 * the project's own driver adapters, so `prisma migrate deploy` works offline against
 * the embedded database and against a PostgreSQL server (DATABASE_URL) alike.
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
    return new PGliteAdapterFactory(() => openPglite(dir), () => closePglite(dir));
  },
});
