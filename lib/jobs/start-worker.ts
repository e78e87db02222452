/**
 * Starts this process's queue with a worker on every queue and the periodic sweeps scheduled.
 * The app's server calls it unless WORKER=off; `npm run worker` runs it alone (PostgreSQL).
 */
import type { PgBoss } from "pg-boss";
import { startBoss, stopBoss } from "./boss";
import { registerWorkers, SCHEDULES } from "./queues";

export async function startWorker(): Promise<PgBoss> {
  const boss = await startBoss({ background: true });
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, null, { tz: "UTC" });
  await registerWorkers(boss);
  return boss;
}

/** Whether this process should run the workers (WORKER=off leaves them to `npm run worker`). */
export function workerEnabled(): boolean {
  const setting = process.env.WORKER?.trim().toLowerCase();
  return !(setting === "off" || setting === "false" || setting === "0");
}

export { stopBoss as stopWorker };
