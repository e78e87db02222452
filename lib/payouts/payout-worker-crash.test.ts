/**
 * A worker killed (SIGKILL) while its Daraja request is open, then started again: the payout is
 * paid exactly once, found by the status query rather than sent a second time. A process killed
 * in the middle of a release leaves the money in escrow, and the release made again is paid out
 * once. A real worker
 * process (`scripts/worker.ts`) needs a database that two processes can open, so this runs on
 * PostgreSQL only (DATABASE_URL); the embedded database is single-process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { recordLedgerMovement } from "@/lib/partnerships/record-ledger-movement";
import { releaseToCreator } from "@/lib/partnerships/release-to-creator";
import { actorByEmail } from "@/tests/helpers/actors";
import { signedPartnership } from "@/tests/helpers/escrow";
import { tokenFor } from "@/tests/helpers/http";
import { deliverCallbacksHere } from "@/tests/helpers/daraja-callbacks";
import { FAKE_DARAJA_ENV, startFakeDaraja, type FakeDaraja } from "@/tests/fakes/daraja-server";
import { setPayoutMethod } from "./payout-method";

const onPostgres = Boolean(process.env.DATABASE_URL);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

let daraja: FakeDaraja;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/worker.ts")], {
    env: {
      ...process.env,
      ...FAKE_DARAJA_ENV,
      DARAJA_BASE_URL: daraja.url,
      PAYOUT_IN_FLIGHT_GRACE_SECONDS: "2",
      JOBS_POLL_SECONDS: "1",
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
  workers.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function fundedKesPayment(creatorId: string, brandId: string) {
  const tokens = { brand: await tokenFor("brand@demo.test"), creator: await tokenFor("creator@demo.test") };
  const { payments } = await signedPartnership({ brand: tokens.brand, creator: tokens.creator, brandId, creatorId });
  return getDb().$transaction(async (tx) => {
    const payment = await tx.partnershipPayment.update({
      where: { id: payments[0]!.id },
      data: { currency: "KES", status: "in_progress" },
    });
    await recordLedgerMovement(tx, { movement: "charge", payment, at: new Date() });
    return payment;
  });
}

describe.skipIf(!onPostgres)("payout worker killed mid-payout", () => {
  beforeAll(async () => {
    daraja = await startFakeDaraja();
    // This process receives the result callbacks (their token) and queues them for the worker.
    Object.assign(process.env, FAKE_DARAJA_ENV, { DARAJA_BASE_URL: daraja.url });
    await startBoss({ background: false });
  });
  afterAll(async () => {
    for (const child of workers) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited(child);
    }
    await stopBoss();
    await daraja?.close();
  });

  it("pays exactly once after a SIGKILL while the B2C request is open", { timeout: 240_000 }, async () => {
    const [brand, creator] = await Promise.all([actorByEmail("brand@demo.test"), actorByEmail("creator@demo.test")]);
    const tokens = { brand: await tokenFor("brand@demo.test"), creator: await tokenFor("creator@demo.test") };
    await setPayoutMethod({ actor: creator, method: "mpesa", country: "KE", mpesaPhone: "0712345678" });
    const { payments } = await signedPartnership({
      brand: tokens.brand,
      creator: tokens.creator,
      brandId: brand.id,
      creatorId: creator.id,
    });
    const at = new Date();
    await getDb().$transaction(async (tx) => {
      const payment = await tx.partnershipPayment.update({
        where: { id: payments[0]!.id },
        data: { currency: "KES", status: "in_progress" },
      });
      await recordLedgerMovement(tx, { movement: "charge", payment, at });
      await releaseToCreator(tx, { payment, creatorId: creator.id, at });
    });
    const payout = await getDb().payout.findUniqueOrThrow({ where: { paymentId: payments[0]!.id } });

    // Daraja takes its time to answer, and never calls back: only the status query can tell.
    daraja.answerDelayMs = 3000;
    daraja.behaviour = { kind: "drop" };
    const first = startWorkerProcess();
    const request = await until(
      "the B2C request",
      async () => daraja.payments().find((r) => String(r.body.OriginatorConversationID).includes(payout.id)),
      90_000,
    );
    first.kill("SIGKILL");
    await exited(first);
    const orphaned = await getDb().payout.findUniqueOrThrow({ where: { id: payout.id } });
    expect(orphaned).toMatchObject({ status: "pending", attemptRef: request.body.OriginatorConversationID, providerRef: null });

    // Daraja carried the payment out all the same.
    await until("Daraja to finish the request", async () => daraja.transactions.get(String(request.body.OriginatorConversationID)), 10_000);
    daraja.answerDelayMs = 0;
    startWorkerProcess();
    const paid = await until(
      "the payout to be paid",
      async () => {
        const row = await getDb().payout.findUniqueOrThrow({ where: { id: payout.id } });
        return row.status === "paid" ? row : null;
      },
      180_000,
    );
    const transaction = daraja.transactions.get(String(request.body.OriginatorConversationID))!;
    expect(paid).toMatchObject({ attempts: 1, receipt: transaction.receipt, providerRef: transaction.conversationId });
    expect(daraja.payments().filter((r) => String(r.body.OriginatorConversationID).includes(payout.id))).toHaveLength(1);
    expect(
      await getDb().ledgerEntry.count({ where: { paymentId: payout.paymentId, movement: "payout", account: "creator_paid_out" } }),
    ).toBe(1);
  });

  it("loses nothing and pays once when a process is killed in the middle of a release", { timeout: 240_000 }, async () => {
    const [brand, creator] = await Promise.all([actorByEmail("brand@demo.test"), actorByEmail("creator@demo.test")]);
    await setPayoutMethod({ actor: creator, method: "mpesa", country: "KE", mpesaPhone: "0712345678" });
    const payment = await fundedKesPayment(creator.id, brand.id);

    const releasing = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("tests/fixtures/release-then-hang.ts"), payment.id, creator.id],
      {
        env: { ...process.env, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    workers.push(releasing);
    await new Promise<void>((resolve, reject) => {
      releasing.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("released") && resolve());
      releasing.once("exit", (code) => reject(new Error(`the releasing process exited first (${code})`)));
    });
    releasing.kill("SIGKILL");
    await exited(releasing);

    // The release never committed: the money is still in escrow, with no payout and no release entries.
    await until(
      "the killed release to roll back",
      async () => (await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: payment.id } })).status === "in_progress",
      30_000,
    );
    expect(await getDb().payout.count({ where: { paymentId: payment.id } })).toBe(0);
    expect(await getDb().ledgerEntry.count({ where: { paymentId: payment.id, movement: { not: "charge" } } })).toBe(0);

    // Released again, it is paid out once by the worker.
    await getDb().$transaction(async (tx) => {
      const funded = await tx.partnershipPayment.findUniqueOrThrow({ where: { id: payment.id } });
      await releaseToCreator(tx, { payment: funded, creatorId: creator.id, at: new Date() });
    });
    // The result callback reaches this process's route handler, which queues it for the worker.
    deliverCallbacksHere(daraja);
    daraja.answerDelayMs = 0;
    daraja.behaviour = { kind: "succeed" };
    startWorkerProcess();
    const paid = await until(
      "the payout to be paid",
      async () => {
        const row = await getDb().payout.findUnique({ where: { paymentId: payment.id } });
        return row?.status === "paid" ? row : null;
      },
      180_000,
    );
    expect(daraja.payments().filter((r) => String(r.body.OriginatorConversationID).includes(paid.id))).toHaveLength(1);
    expect(await getDb().ledgerEntry.count({ where: { paymentId: payment.id, movement: "release", account: "creator_payable" } })).toBe(1);
  });
});
