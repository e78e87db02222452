import { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PgBoss } from "pg-boss";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue-names";
import { runDueJobs } from "@/lib/jobs/queues";
import { actorByEmail } from "@/tests/helpers/actors";
import { signedPartnership } from "@/tests/helpers/escrow";
import { tokenFor } from "@/tests/helpers/http";
import { approveDeliverable } from "./approve-deliverable";
import { requestRevision } from "./request-revision";
import { submitDeliverable } from "./submit-deliverable";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const DAY = 24 * 60 * 60 * 1000;
let boss: PgBoss;
let clock: TestClock;
let brand: Actor, creator: Actor;
let tokens: { brand: string; creator: string };

beforeAll(async () => {
  clock = new TestClock(Date.now());
  boss = await startBoss({ clock, background: false });
  [brand, creator] = await Promise.all([actorByEmail("brand@demo.test"), actorByEmail("creator@demo.test")]);
  tokens = { brand: await tokenFor("brand@demo.test"), creator: await tokenFor("creator@demo.test") };
});
afterAll(() => stopBoss());

/** A fresh active partnership whose one deliverable the creator has just submitted. */
async function submitted() {
  const { partnershipId } = await signedPartnership({
    brand: tokens.brand,
    creator: tokens.creator,
    brandId: brand.id,
    creatorId: creator.id,
  });
  const { id: deliverableId } = await getDb().deliverable.findFirstOrThrow({ where: { partnershipId } });
  const item = await submitDeliverable({ actor: creator, partnershipId, deliverableId, submissionUrl: "https://example.com/post/1" });
  return { partnershipId, deliverableId, item };
}

const deliverable = (id: string) => getDb().deliverable.findUniqueOrThrow({ where: { id } });
const pastDeadline = async (id: string) => clock.setTime((await deliverable(id)).reviewDeadlineAt!.getTime() + 60_000);
/** Back to real time, so the next test's submission is not already overdue. */
const resetClock = () => clock.setTime(Date.now());

describe("review deadline", () => {
  it("approves a submission the brand did not review within the window, through the queue", async () => {
    await resetClock();
    const { partnershipId, deliverableId, item } = await submitted();
    expect(item.reviewDeadlineAt).toBe(new Date(Date.parse(item.submittedAt!) + 5 * DAY).toISOString());
    expect(item.autoApproved).toBe(false);

    // Not yet due: the job waits for its deadline.
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBe(0);
    await pastDeadline(deliverableId);
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBe(1);

    const after = await deliverable(deliverableId);
    expect(after).toMatchObject({ status: "approved", autoApproved: true, reviewDeadlineAt: null });
    expect(after.approvedAt?.getTime()).toBe(clock.now());
    const activity = await getDb().activityLog.findFirstOrThrow({ where: { partnershipId, type: "deliverable_auto_approved" } });
    expect(activity).toMatchObject({ userId: null });
    expect(activity.description).toContain("approved automatically: the brand did not review it within 5 days");
    // A second delivery of the same work changes nothing.
    await boss.send(QUEUES.reviewDeadline, { deliverableId });
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBe(1);
    expect(await getDb().activityLog.count({ where: { partnershipId, type: "deliverable_auto_approved" } })).toBe(1);
  });

  it("approves nothing while the review is paused or a dispute is open", async () => {
    await resetClock();
    const paused = await submitted();
    const disputed = await submitted();
    await getDb().deliverable.update({ where: { id: paused.deliverableId }, data: { reviewPausedAt: new Date() } });
    await getDb().dispute.create({
      data: {
        partnershipId: disputed.partnershipId,
        deliverableId: disputed.deliverableId,
        openedById: brand.id,
        reason: "Not what was agreed",
      },
    });
    await pastDeadline(disputed.deliverableId);
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBe(2);
    await boss.send(QUEUES.reviewDeadlineSweep, {});
    expect(await runDueJobs(boss, QUEUES.reviewDeadlineSweep)).toBe(1);
    for (const { deliverableId } of [paused, disputed]) {
      expect(await deliverable(deliverableId)).toMatchObject({ status: "submitted", autoApproved: false });
    }
    // Clear both, or the sweeps of later tests would approve them.
    await getDb()
      .dispute.updateMany({ where: { deliverableId: disputed.deliverableId }, data: { status: "resolved" as never } })
      .catch(() => undefined);
    await getDb().deliverable.updateMany({
      where: { id: { in: [paused.deliverableId, disputed.deliverableId] } },
      data: { reviewDeadlineAt: null },
    });
  });

  it("leaves alone a deliverable the brand approved meanwhile", async () => {
    await resetClock();
    const { partnershipId, deliverableId } = await submitted();
    await approveDeliverable({ actor: brand, partnershipId, deliverableId });
    await pastDeadline(deliverableId).catch(() => undefined);
    await clock.setTime(Date.now() + 6 * DAY);
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBe(1);
    const after = await deliverable(deliverableId);
    expect(after).toMatchObject({ status: "approved", autoApproved: false });
    expect(await getDb().activityLog.count({ where: { partnershipId, type: "deliverable_auto_approved" } })).toBe(0);
  });

  it("clears the deadline on a revision request and starts a new one on resubmission", async () => {
    await resetClock();
    const { partnershipId, deliverableId } = await submitted();
    const revised = await requestRevision({ actor: brand, partnershipId, deliverableId, feedback: "Add the disclosure" });
    expect(revised.reviewDeadlineAt).toBeNull();
    const first = (await getDb().deliverable.findUniqueOrThrow({ where: { id: deliverableId } })).submittedAt!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await submitDeliverable({ actor: creator, partnershipId, deliverableId, submissionUrl: "https://example.com/post/2" });
    expect(Date.parse(again.reviewDeadlineAt!)).toBe(Date.parse(again.submittedAt!) + 5 * DAY);
    expect(Date.parse(again.submittedAt!)).toBeGreaterThan(first.getTime());
    // At the first submission's deadline the job finds the new window still open.
    await clock.setTime(first.getTime() + 5 * DAY + 1);
    expect(await runDueJobs(boss, QUEUES.reviewDeadline)).toBeGreaterThanOrEqual(1);
    expect(await deliverable(deliverableId)).toMatchObject({ status: "submitted" });
    await pastDeadline(deliverableId);
    await runDueJobs(boss, QUEUES.reviewDeadline);
    expect(await deliverable(deliverableId)).toMatchObject({ status: "approved", autoApproved: true });
  });

  it("the sweep approves overdue submissions that have no job", async () => {
    await resetClock();
    const { deliverableId } = await submitted();
    // The submission's own job is gone (as if never queued).
    await boss.deleteQueuedJobs(QUEUES.reviewDeadline);
    await pastDeadline(deliverableId);
    await boss.send(QUEUES.reviewDeadlineSweep, {});
    expect(await runDueJobs(boss, QUEUES.reviewDeadlineSweep)).toBe(1);
    expect(await deliverable(deliverableId)).toMatchObject({ status: "approved", autoApproved: true });
  });
});
