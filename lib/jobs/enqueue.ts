/**
 * Queues a job, inside the caller's transaction when there is one: the job row is written on
 * the transaction's own connection, so it exists exactly when the state change that asked for it
 * commits. Without a running queue in this process (a script, or the app with WORKER=off and no
 * sender) nothing is queued here and the periodic sweeps find the work instead, which is why
 * every job's work must also be discoverable from the records alone.
 */
import type { Db as IDatabase, SendOptions } from "pg-boss";
import type { DbTx } from "../db";
import { jobNow } from "./clock";
import { runningBoss } from "./running";
import type { QueueName } from "./queue-names";

/** Runs pg-boss's statements through a Prisma transaction. */
function throughTransaction(tx: DbTx): IDatabase {
  return {
    async executeSql(text, values) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? []));
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

export async function enqueue(
  tx: DbTx | null,
  queue: QueueName,
  data: object,
  options: Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const boss = runningBoss();
  if (!boss) return null;
  // Due from the queue's own clock: a transaction's connection may not share a test clock's time.
  const startAfter = options.startAfter ?? jobNow();
  return boss.send(queue, data, { ...options, startAfter, ...(tx ? { db: throughTransaction(tx) } : {}) });
}
