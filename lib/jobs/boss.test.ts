import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { startBoss, stopBoss } from "./boss";
import { enqueue } from "./enqueue";
import { QUEUES } from "./queue-names";

afterEach(() => stopBoss());

describe("job queue", () => {
  it("keeps a job across a restart of the queue", async () => {
    const first = await startBoss({ background: false });
    const id = await first.send(QUEUES.payout, { payoutId: "survives-restart" });
    expect(id).toBeTruthy();
    await stopBoss();

    const second = await startBoss({ background: false });
    expect(second).not.toBe(first);
    const [job] = await second.fetch<{ payoutId: string }>(QUEUES.payout);
    expect(job?.id).toBe(id);
    expect(job?.data.payoutId).toBe("survives-restart");
    await second.complete(QUEUES.payout, job!.id);
    expect(await second.fetch(QUEUES.payout)).toEqual([]);
  });

  it("queues a job with the transaction that asked for it, and not when it rolls back", async () => {
    const boss = await startBoss({ background: false });
    await getDb().$transaction(async (tx) => {
      await enqueue(tx, QUEUES.payout, { payoutId: "committed" });
    });
    await expect(
      getDb().$transaction(async (tx) => {
        await enqueue(tx, QUEUES.payout, { payoutId: "rolled-back" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const jobs = await boss.fetch<{ payoutId: string }>(QUEUES.payout, { batchSize: 10 });
    expect(jobs.map((job) => job.data.payoutId)).toEqual(["committed"]);
  });

  it("queues nothing when no queue runs in this process", async () => {
    expect(await enqueue(null, QUEUES.payout, { payoutId: "nowhere" })).toBeNull();
  });
});
