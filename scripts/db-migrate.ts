/** `npm run db:migrate`, and before `npm start`: applies pending migrations (lib/db/migrate.ts) to the configured database. */
import { migrate } from "../lib/db/migrate";

const { applied, database } = await migrate();
if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${database}: ${applied.join(", ")}`);
else console.log(`No pending migrations for ${database}.`);
