/**
 * The job queue: pg-boss on the application's own database. On PostgreSQL it keeps a small
 * pool of its own; on the embedded database it runs its statements on the one PGlite
 * instance the app already opened (a second process cannot open that folder), where they
 * wait their turn behind the app's transactions. pg-boss keeps its tables in the `pgboss`
 * schema, installed or migrated by start(). One instance per process, kept on globalThis so
 * the server and the route handlers it loads share it.
 */
import { PgBoss, fromPglite, type Clock } from "pg-boss";
import { databaseUrl, pgliteDir } from "../config";
import { openPglite } from "../db/pglite";
import { setJobClock } from "./clock";
import { QUEUE_DEFINITIONS } from "./queue-definitions";
import { bossEntry, setBossEntry, type BossEntry } from "./running";

export interface BossOptions {
  /** A TestClock in tests; the system clock otherwise. */
  clock?: Clock;
  /** Run maintenance and the cron scheduler (the worker does; tests usually do not). */
  background?: boolean;
}

async function createBoss(options: BossOptions): Promise<PgBoss> {
  const url = databaseUrl();
  const background = options.background ?? true;
  const common = {
    schema: "pgboss",
    clock: options.clock,
    supervise: background,
    schedule: background,
    // Workers poll; LISTEN/NOTIFY would hold one more PostgreSQL connection for little gain here.
    useListenNotify: false,
    openTelemetry: { enabled: false },
  };
  const boss = url
    ? new PgBoss({ ...common, connectionString: url, max: Number(process.env.JOBS_POOL_SIZE ?? 3), application_name: "harambee-jobs" })
    : new PgBoss({ ...common, db: fromPglite(await openPglite(pgliteDir())), backend: "pglite" });
  boss.on("error", (error) => console.error(`Job queue: ${error instanceof Error ? error.message : String(error)}`));
  return boss;
}

/** Starts this process's queue (once) and creates the queues; later calls return the same instance. */
export function startBoss(options: BossOptions = {}): Promise<PgBoss> {
  const existing = bossEntry();
  if (existing) return existing.started;
  const entry: BossEntry = { started: Promise.resolve() as unknown as Promise<PgBoss>, ready: null };
  entry.started = (async () => {
    const boss = await createBoss(options);
    await boss.start();
    // createQueue is idempotent and leaves each queue in the instance's cache, so a send inside an
    // application transaction never has to read the queue table on its own (on PGlite it could not).
    for (const [name, definition] of Object.entries(QUEUE_DEFINITIONS)) await boss.createQueue(name, definition);
    setJobClock(options.clock);
    entry.ready = boss;
    return boss;
  })();
  entry.started.catch(() => {
    if (bossEntry() === entry) setBossEntry(undefined);
  });
  setBossEntry(entry);
  return entry.started;
}

/** Stops the queue: waits for running handlers (up to `timeout` ms), then closes its connections. */
export async function stopBoss(options: { timeout?: number } = {}): Promise<void> {
  const entry = bossEntry();
  setBossEntry(undefined);
  if (!entry) return;
  const boss = await entry.started.catch(() => null);
  if (!boss) return;
  await boss.stop({ graceful: true, timeout: options.timeout ?? 10_000 });
  setJobClock(undefined);
}
