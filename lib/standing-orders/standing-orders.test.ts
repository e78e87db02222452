import { TestClock, type PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/partner/standing-orders/route";
import { GET as getRoute } from "@/app/api/v1/partner/standing-orders/[id]/route";
import { POST as cancelRoute } from "@/app/api/v1/partner/standing-orders/[id]/cancel/route";
import { POST as pauseRoute } from "@/app/api/v1/partner/standing-orders/[id]/pause/route";
import { POST as resumeRoute } from "@/app/api/v1/partner/standing-orders/[id]/resume/route";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue-names";
import { runDueJobs } from "@/lib/jobs/queues";
import { settlePayment } from "@/lib/sponsorship/complete-payment";
import { getDashboardStats } from "@/lib/sponsorship/get-dashboard-stats";
import { answerSandboxMpesaPrompt } from "@/lib/sponsorship/mpesa";
import { actorByEmail } from "@/tests/helpers/actors";
import { call, tokenFor } from "@/tests/helpers/http";
import { resumeStandingOrder } from "./resume-standing-order";
import { runDueStandingOrders } from "./run-due-standing-orders";
import { dayText, occurrence, utcDay } from "./schedule";
import { MAX_RUN_ATTEMPTS, RETRY_DELAYS_MS } from "./settle-run";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/standing-orders";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let boss: PgBoss;
let clock: TestClock;
let partner: string, partner2: string;
let others: string[];
let actor: Actor, actor2: Actor;
const startedAt = new Date();
const today = utcDay(startedAt);

beforeAll(async () => {
  clock = new TestClock(startedAt.getTime());
  boss = await startBoss({ clock, background: false });
  [partner, partner2] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("partner2@demo.test")]);
  others = await Promise.all(["brand@demo.test", "creator@demo.test", "admin@demo.test"].map(tokenFor));
  [actor, actor2] = await Promise.all([actorByEmail("partner@demo.test"), actorByEmail("partner2@demo.test")]);
});

afterAll(async () => {
  await stopBoss();
});

/** A program of the partner's with nothing paid or pending, so every run can be paid. */
async function freshProgram(of: Actor = actor) {
  return getDb().program.create({
    data: {
      partnerId: of.organizationId!,
      name: `Standing order test ${Math.random().toString(36).slice(2, 8)}`,
      description: "Funded by a standing order",
      targetStudents: 10,
      budgetMinor: 100_000_000n,
      startDate: today,
      endDate: new Date(today.getTime() + 730 * DAY),
    },
  });
}

async function createOrder(body: Record<string, unknown>, token = partner) {
  const res = await call(createRoute, URL, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; next_due_date: string; status: string };
}

const bankOrder = async (extra: Record<string, unknown> = {}) =>
  createOrder({
    description: "School fees",
    method: "bank_transfer",
    program_id: (await freshProgram()).id,
    amount: 5000,
    frequency: "monthly",
    start_date: dayText(today),
    ...extra,
  });

const runsOf = (id: string) =>
  getDb().standingOrderRun.findMany({
    where: { standingOrderId: id },
    orderBy: { dueDate: "asc" },
    include: { payments: { orderBy: { createdAt: "asc" } } },
  });
const order = (id: string) => getDb().standingOrder.findUniqueOrThrow({ where: { id } });
const sweep = (now: Date) => runDueStandingOrders({ now });
const settle = (paymentId: string, outcome: "completed" | "failed", now: Date, reason?: string) =>
  getDb().$transaction((tx) => settlePayment(tx, { paymentId, outcome, now, reason }));
const detail = async (id: string, token = partner) => (await call(getRoute, `${URL}/${id}`, { token, params: { id } })).body;
const act = (route: typeof pauseRoute, verb: string, id: string, token = partner) =>
  call(route, `${URL}/${id}/${verb}`, { token, params: { id }, body: {} });

describe("running standing orders", () => {
  it("runs once per period: repeated and concurrent sweeps in one period charge it once", async () => {
    const created = await bankOrder();
    expect(created).toMatchObject({ status: "active", next_due_date: dayText(today) });
    const first = new Date(today.getTime() + 9 * HOUR);

    await sweep(first);
    await sweep(first);
    await Promise.all([sweep(first), sweep(first), sweep(first)]);
    let runs = await runsOf(created.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.payments).toHaveLength(1);
    const [payment] = runs[0]!.payments;
    expect(payment).toMatchObject({ status: "pending", method: "bank_transfer", amountMinor: 500_000n, standingOrderRunId: runs[0]!.id });
    expect(payment!.description).toMatch(/^Standing order: School fees — /);
    expect(runs[0]!.invoiceId).not.toBeNull();
    const second = occurrence(today, "monthly", 1);
    expect((await order(created.id)).nextDueDate).toEqual(second);

    await settle(payment!.id, "completed", first);
    runs = await runsOf(created.id);
    expect(runs[0]).toMatchObject({ status: "paid", attempts: 1, lastError: null });

    // Later in the same period: nothing more.
    await sweep(new Date(second.getTime() - HOUR));
    expect(await runsOf(created.id)).toHaveLength(1);

    // The next period, through the queue and by concurrent sweeps.
    const at = new Date(second.getTime() + 7 * HOUR);
    await clock.setTime(at.getTime());
    await boss.send(QUEUES.standingOrderSweep, {});
    expect(await runDueJobs(boss, QUEUES.standingOrderSweep)).toBe(1);
    await Promise.all([sweep(at), sweep(at)]);
    await sweep(at);
    runs = await runsOf(created.id);
    expect(runs.map((run) => dayText(run.dueDate))).toEqual([dayText(today), dayText(second)]);
    expect(runs[1]!.payments).toHaveLength(1);
    expect((await order(created.id)).nextDueDate).toEqual(occurrence(today, "monthly", 2));

    const body = await detail(created.id);
    expect(body.runs).toHaveLength(2);
    expect(body.runs[0]).toMatchObject({ due_date: dayText(second), status: "pending", attempts: 1 });
    expect(body.runs[1]).toMatchObject({ due_date: dayText(today), status: "paid" });
    expect(body.runs[1].payments).toEqual([expect.objectContaining({ id: payment!.id, status: "completed", failure_reason: null })]);
  });

  it("finishes after its end date", async () => {
    const created = await bankOrder({ frequency: "quarterly", end_date: dayText(new Date(today.getTime() + 100 * DAY)) });
    await sweep(new Date(today.getTime() + HOUR));
    await settle((await runsOf(created.id))[0]!.payments[0]!.id, "completed", new Date(today.getTime() + HOUR));
    const second = occurrence(today, "quarterly", 1);
    await sweep(new Date(second.getTime() + HOUR));
    expect(await order(created.id)).toMatchObject({ status: "finished", nextDueDate: null });
    await sweep(new Date(occurrence(today, "quarterly", 2).getTime() + HOUR));
    expect(await runsOf(created.id)).toHaveLength(2);
  });

  it("stops while paused and, resumed, does not charge the periods it missed", async () => {
    const created = await bankOrder();
    await sweep(new Date(today.getTime() + HOUR));
    await settle((await runsOf(created.id))[0]!.payments[0]!.id, "completed", new Date(today.getTime() + HOUR));

    const paused = await act(pauseRoute, "pause", created.id);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: "paused" });
    expect(paused.body.paused_at).not.toBeNull();
    expect((await act(pauseRoute, "pause", created.id)).status).toBe(409);

    for (const index of [1, 2]) await sweep(new Date(occurrence(today, "monthly", index).getTime() + HOUR));
    expect(await runsOf(created.id)).toHaveLength(1);

    // Resumed a few days after the third due date: the next is the fourth.
    const resumedAt = new Date(occurrence(today, "monthly", 2).getTime() + 5 * DAY);
    const resumed = await resumeStandingOrder({ actor, standingOrderId: created.id, now: resumedAt });
    expect(resumed).toMatchObject({ status: "active", paused_at: null, next_due_date: dayText(occurrence(today, "monthly", 3)) });
    await sweep(resumedAt);
    expect(await runsOf(created.id)).toHaveLength(1);
    await sweep(new Date(occurrence(today, "monthly", 3).getTime() + HOUR));
    expect((await runsOf(created.id)).map((run) => dayText(run.dueDate))).toEqual([
      dayText(today),
      dayText(occurrence(today, "monthly", 3)),
    ]);
    expect((await act(resumeRoute, "resume", created.id)).status).toBe(409);
  });

  it("cancels: nothing falls due again, and a waiting retry is skipped", async () => {
    const created = await bankOrder();
    await sweep(new Date(today.getTime() + HOUR));
    const [run] = await runsOf(created.id);
    await settle(run!.payments[0]!.id, "failed", new Date(today.getTime() + 2 * HOUR), "Transfer not received");
    expect((await runsOf(created.id))[0]).toMatchObject({ status: "retrying", lastError: "Transfer not received" });

    const cancelled = await act(cancelRoute, "cancel", created.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", next_due_date: null });
    expect(cancelled.body.runs[0]).toMatchObject({ status: "skipped", last_error: "Standing order cancelled" });
    await sweep(new Date(occurrence(today, "monthly", 1).getTime() + HOUR));
    const runs = await runsOf(created.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.payments).toHaveLength(1);
    for (const [route, verb] of [
      [cancelRoute, "cancel"],
      [pauseRoute, "pause"],
      [resumeRoute, "resume"],
    ] as const) {
      expect((await act(route, verb, created.id)).status).toBe(409);
    }
  });

  it("retries a failed M-Pesa payment after 1 h, 6 h and 24 h, then fails the run", async () => {
    const created = await createOrder({
      description: "Term support",
      method: "mpesa",
      phone_number: "0712 345 678",
      program_id: (await freshProgram()).id,
      amount: 2500,
      frequency: "monthly",
      start_date: dayText(today),
    });
    let at = new Date(today.getTime() + 6 * HOUR);
    await sweep(at);
    for (let attempt = 1; attempt <= MAX_RUN_ATTEMPTS; attempt++) {
      const [run] = await runsOf(created.id);
      expect(run!.payments).toHaveLength(attempt);
      const payment = run!.payments.at(-1)!;
      expect(payment).toMatchObject({ status: "pending", method: "mpesa", phoneNumber: "+254712345678", amountMinor: 250_000n });
      expect(payment.providerRef).not.toBeNull();
      await answerSandboxMpesaPrompt({
        payment: { id: payment.id, providerRef: payment.providerRef!, amountMinor: payment.amountMinor, phoneNumber: payment.phoneNumber },
        action: "cancel",
        now: at,
      });
      const after = (await runsOf(created.id))[0]!;
      expect(after.attempts).toBe(attempt);
      expect(after.lastError).toBeTruthy();
      if (attempt === MAX_RUN_ATTEMPTS) {
        expect(after).toMatchObject({ status: "failed", nextAttemptAt: null });
        break;
      }
      const delay = RETRY_DELAYS_MS[attempt - 1]!;
      expect(after).toMatchObject({ status: "retrying" });
      expect(after.nextAttemptAt).toEqual(new Date(at.getTime() + delay));
      // Not before the delay.
      await sweep(new Date(at.getTime() + delay - 60_000));
      expect((await runsOf(created.id))[0]!.payments).toHaveLength(attempt);
      at = new Date(at.getTime() + delay);
      await Promise.all([sweep(at), sweep(at)]);
    }
    await sweep(new Date(at.getTime() + 3 * DAY));
    const body = await detail(created.id);
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ status: "failed", attempts: MAX_RUN_ATTEMPTS, next_attempt_at: null });
    expect(body.runs[0].payments).toHaveLength(MAX_RUN_ATTEMPTS);
    for (const payment of body.runs[0].payments) {
      expect(payment.status).toBe("failed");
      expect(payment.failure_reason).toBeTruthy();
    }
  });

  it("retries a run whose payment could not start, and one left without a payment", async () => {
    const program = await freshProgram();
    const created = await createOrder({
      description: "Blocked",
      method: "bank_transfer",
      program_id: program.id,
      amount: 1000,
      frequency: "monthly",
      start_date: dayText(today),
    });
    // Another payment for the program is under way: the run cannot be paid now.
    const blocking = await getDb().payment.create({
      data: {
        partnerId: actor.organizationId!,
        programId: program.id,
        amountMinor: 100n,
        method: "bank_transfer",
        status: "pending",
        reference: `BT_TEST_${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      },
    });
    const at = new Date(today.getTime() + 3 * HOUR);
    await sweep(at);
    let [run] = await runsOf(created.id);
    expect(run).toMatchObject({ status: "retrying", attempts: 1 });
    expect(run!.payments).toHaveLength(0);
    expect(run!.lastError).toMatch(/could not be started/);
    expect(run!.nextAttemptAt).toEqual(new Date(at.getTime() + RETRY_DELAYS_MS[0]));

    await settle(blocking.id, "failed", at);
    await sweep(new Date(at.getTime() + HOUR));
    [run] = await runsOf(created.id);
    expect(run!.payments).toHaveLength(1);
    expect(run!.attempts).toBe(2);

    // A sweep that died after inserting the next run: the next sweep pays it.
    await settle(run!.payments[0]!.id, "completed", at);
    const second = occurrence(today, "monthly", 1);
    await getDb().$transaction(async (tx) => {
      await tx.standingOrderRun.create({ data: { standingOrderId: created.id, dueDate: second, nextAttemptAt: second } });
      await tx.standingOrder.update({ where: { id: created.id }, data: { nextDueDate: occurrence(today, "monthly", 2) } });
    });
    await sweep(new Date(second.getTime() + HOUR));
    const runs = await runsOf(created.id);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.payments).toHaveLength(1);
  });

  it("skips a run when every sponsorship is fully funded", async () => {
    const student = await getDb().student.findFirstOrThrow({ select: { id: true } });
    const sponsorship = await getDb().sponsorship.create({
      data: {
        partnerId: actor.organizationId!,
        studentId: student.id,
        type: "partial",
        status: "pending",
        amountMinor: 120_000n,
        startDate: today,
        endDate: new Date(today.getTime() + 365 * DAY),
      },
    });
    const created = await createOrder({
      description: "Top-up",
      method: "bank_transfer",
      sponsorship_ids: [sponsorship.id],
      amount: 5000,
      frequency: "monthly",
      start_date: dayText(today),
    });
    const at = new Date(today.getTime() + HOUR);
    await sweep(at);
    const [run] = await runsOf(created.id);
    // No more than the sponsorship still needs.
    expect(run!.payments[0]).toMatchObject({ amountMinor: 120_000n });
    await settle(run!.payments[0]!.id, "completed", at);
    expect(await getDb().sponsorship.findUniqueOrThrow({ where: { id: sponsorship.id } })).toMatchObject({ status: "active" });

    await sweep(new Date(occurrence(today, "monthly", 1).getTime() + HOUR));
    const runs = await runsOf(created.id);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ status: "skipped", attempts: 0 });
    expect(runs[1]!.lastError).toMatch(/fully funded/);
    expect(runs[1]!.payments).toHaveLength(0);
  });
});

describe("standing orders API", () => {
  it("lists the partner's own orders with their last run, and shows the next one on the dashboard", async () => {
    const created = await createOrder(
      {
        description: "Partner two monthly",
        method: "bank_transfer",
        program_id: (await freshProgram(actor2)).id,
        amount: 700,
        frequency: "yearly",
        start_date: dayText(new Date(today.getTime() + 3 * DAY)),
      },
      partner2,
    );
    const list = await call(listRoute, URL, { token: partner2 });
    expect(list.status).toBe(200);
    expect(list.body.standing_orders.map((o: { id: string }) => o.id)).toContain(created.id);
    expect(list.body.standing_orders.find((o: { id: string }) => o.id === created.id)).toMatchObject({ last_run: null, amount: 700 });
    const mine = await call(listRoute, `${URL}?limit=100`, { token: partner });
    expect(mine.body.standing_orders.map((o: { id: string }) => o.id)).not.toContain(created.id);

    const stats = await getDashboardStats({ actor: actor2, now: new Date() });
    const earliest = await getDb().standingOrder.findFirstOrThrow({
      where: { partnerId: actor2.organizationId!, status: "active" },
      orderBy: [{ nextDueDate: "asc" }, { createdAt: "asc" }],
    });
    expect(stats.payment_summary.next_scheduled_payment).toEqual({
      amount: Number(earliest.amountMinor) / 100,
      currency: earliest.currency,
      date: earliest.nextDueDate!.toISOString(),
      description: earliest.description,
    });
  });

  it("answers 404 for another partner's order and 403 to other roles", async () => {
    const created = await bankOrder();
    for (const [route, verb] of [
      [pauseRoute, "pause"],
      [resumeRoute, "resume"],
      [cancelRoute, "cancel"],
    ] as const) {
      expect((await act(route, verb, created.id, partner2)).status).toBe(404);
    }
    expect((await call(getRoute, `${URL}/${created.id}`, { token: partner2, params: { id: created.id } })).status).toBe(404);
    expect((await call(getRoute, `${URL}/so-1`, { token: partner, params: { id: "so-1" } })).status).toBe(404);
    expect((await order(created.id)).status).toBe("active");
    for (const token of others) {
      expect((await call(listRoute, URL, { token })).status).toBe(403);
      expect((await call(getRoute, `${URL}/${created.id}`, { token, params: { id: created.id } })).status).toBe(403);
      expect((await act(pauseRoute, "pause", created.id, token)).status).toBe(403);
      const res = await call(createRoute, URL, {
        token,
        body: {
          description: "x",
          method: "bank_transfer",
          program_id: created.id,
          amount: 1,
          frequency: "monthly",
          start_date: dayText(today),
        },
      });
      expect(res.status).toBe(403);
    }
  });

  it("refuses what it cannot run (422) and what is not the partner's (404)", async () => {
    const program = await freshProgram();
    const valid = {
      description: "Valid",
      method: "bank_transfer",
      program_id: program.id,
      amount: 1000,
      frequency: "monthly",
      start_date: dayText(today),
    };
    const yesterday = dayText(new Date(today.getTime() - DAY));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amount: 0 }, "body.amount"],
      [{ amount: -5 }, "body.amount"],
      [{ frequency: "weekly" }, "body.frequency"],
      [{ method: "stripe" }, "body.method"],
      [{ start_date: yesterday }, "body.start_date"],
      [{ start_date: "2027-02-30" }, "body.start_date"],
      [{ end_date: dayText(today) }, "body.end_date"],
      [{ method: "mpesa" }, "body.phone_number"],
      [{ method: "mpesa", phone_number: "+441234567890" }, "body.phone_number"],
      [{ method: "mpesa", phone_number: "0712345678", currency: "USD" }, "body.currency"],
      [{ sponsorship_ids: ["00000000-0000-4000-8000-000000000000"] }, "body.program_id"],
      [{ program_id: undefined }, "body.program_id"],
    ];
    for (const [change, field] of cases) {
      const res = await call(createRoute, URL, { token: partner, body: { ...valid, ...change } });
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(
        res.body.detail.map((issue: { loc: string[] }) => issue.loc.join(".")),
        JSON.stringify(change),
      ).toContain(field);
    }

    const otherProgram = await freshProgram(actor2);
    const cancelledSponsorship = await getDb().sponsorship.findFirst({
      where: { partnerId: actor.organizationId!, status: { in: ["cancelled", "completed"] } },
    });
    const otherSponsorship = await getDb().sponsorship.findFirstOrThrow({
      where: { partnerId: actor2.organizationId!, status: "pending" },
    });
    const refused = [
      { ...valid, program_id: otherProgram.id },
      { ...valid, program_id: undefined, sponsorship_ids: [otherSponsorship.id] },
      ...(cancelledSponsorship ? [{ ...valid, program_id: undefined, sponsorship_ids: [cancelledSponsorship.id] }] : []),
    ];
    for (const body of refused) expect((await call(createRoute, URL, { token: partner, body })).status).toBe(404);
    expect(await getDb().standingOrder.count({ where: { programId: otherProgram.id } })).toBe(0);

    const ok = await call(createRoute, URL, { token: partner, body: { ...valid, phone_number: "0712345678" } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ phone_number: null, runs: [], status: "active", next_due_date: dayText(today) });
  });
});
