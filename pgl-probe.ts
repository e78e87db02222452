import { PGlite } from "@electric-sql/pglite";
const t0 = Date.now();
const db = await PGlite.create({ dataDir: process.argv[2] });
console.log("open", Date.now() - t0);
await db.exec("select 1");
console.log("q", Date.now() - t0);
