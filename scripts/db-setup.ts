/**
 * `npm run db:setup`, and before `npm run dev`: applies pending migrations (lib/db/migrate.ts)
 * and, when the database has no accounts yet, loads the demo data, so a fresh checkout
 * starts with a working product.
 */
import { createClient } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { closeAllPglite } from "../lib/db/pglite";
import { seed } from "../prisma/seed/seed";

const started = Date.now();
const { applied, database } = await migrate();
if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${database}.`);

const db = createClient();
try {
  if ((await db.user.count()) === 0) {
    console.log(`Loading demo data into ${database} (first start only)…`);
    await seed(db, { log: (message: string) => console.log(`  ${message}`) });
  }
  console.log(`Database ready in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
} finally {
  await db.$disconnect();
  await closeAllPglite();
}
