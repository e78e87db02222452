/**
 * `npm run worker`: runs the job workers (payouts, review deadlines, their sweeps) without the
 * web server, against PostgreSQL (DATABASE_URL); run the app with WORKER=off beside it. On the
 * embedded database it stops: only one process can open that database, and the app already runs
 * the workers in-process.
 */
import { databaseUrl } from "../lib/config";
import { startWorker, stopWorker } from "../lib/jobs/start-worker";
import { disconnectDb } from "../lib/db";

if (!databaseUrl()) {
  console.error(
    "npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the app (npm run dev / npm start) already runs the workers in-process: the embedded database can be opened by one process only.",
  );
  process.exit(1);
}

await startWorker();
console.log("> Harambee worker: processing jobs (payouts, review deadlines)");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Running handlers finish (or their jobs are handed out again after they expire).
    stopWorker({ timeout: 20_000 })
      .then(() => disconnectDb())
      .finally(() => process.exit(0));
  });
}
