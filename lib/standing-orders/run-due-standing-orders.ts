/**
 * The standing-order sweep (a job every minute). Two steps, each safe to repeat and to run
 * concurrently with itself:
 *
 * 1. Every active order whose next due date (a UTC calendar date) is today or earlier gets
 *    its run for that date, in one transaction that locks the order (FOR UPDATE SKIP
 *    LOCKED: a concurrent sweep moves on), inserts the run (unique per order and due date,
 *    ON CONFLICT DO NOTHING: a period is never run twice) and moves the next due date on,
 *    or finishes the order once no due date is left before its end date. An order the
 *    sweep did not reach for several periods runs once, for the latest due date reached.
 * 2. Every open run whose next attempt is due and that has no payment under way gets a
 *    payment, started outside any transaction of ours (startPayment records it; M-Pesa
 *    then prompts the phone). A run inserted by a sweep that died before paying is found
 *    here too. A payment that cannot start (something else is being paid for the same
 *    sponsorships, the provider is down) counts as a failed attempt.
 *
 * A failed attempt is retried after 1 h, 6 h and 24 h; after the last the run fails. A
 * run with nothing left to fund (every sponsorship fully funded or ended) is skipped.
 */
import crypto from "node:crypto";
import { getDb, type DbTx } from "../db";
import { AppError } from "../errors";
import { toMajor } from "../money";
import { startPayment } from "../sponsorship/create-payment";
import { invalidatePartnerMetrics } from "../sponsorship/metric-cache";
import { createPaymentBody } from "../sponsorship/schemas/payments";
import { dayText, dueAfter, dueOnOrBefore, periodLabel, utcDay } from "./schedule";
import { recordFailedAttempt } from "./settle-run";
import { moveOrder, moveRuns } from "./transitions";

/** How long a claimed attempt is left to its sweep before another sweep may make it again (the sweep died). */
const ATTEMPT_LEASE_MS = 15 * 60_000;

export interface SweepResult {
  /** Runs inserted for orders that fell due. */
  opened: number;
  /** Payments started. */
  started: number;
  /** Attempts that could not start a payment. */
  refused: number;
  skipped: number;
}

export async function runDueStandingOrders(options: { now: Date }): Promise<SweepResult> {
  const { now } = options;
  const result: SweepResult = { opened: 0, started: 0, refused: 0, skipped: 0 };
  const today = dayText(utcDay(now));
  const due = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM standing_orders
     WHERE status = 'active' AND next_due_date <= ${today}::date
     ORDER BY next_due_date, id`;
  for (const { id } of due) if (await openRun(id, now)) result.opened += 1;

  const ready = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT r.id::text AS id FROM standing_order_runs r JOIN standing_orders o ON o.id = r.standing_order_id
     WHERE r.status IN ('pending', 'retrying') AND o.status IN ('active', 'finished')
       AND r.next_attempt_at <= ${now}
       AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.standing_order_run_id = r.id AND p.status = 'pending')
     ORDER BY r.next_attempt_at, r.id`;
  for (const { id } of ready) {
    const outcome = await attemptRun(id, now);
    if (outcome) result[outcome] += 1;
  }
  return result;
}

/** Step 1 for one order: answers whether a run was inserted. */
async function openRun(orderId: string, now: Date): Promise<boolean> {
  const today = utcDay(now);
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM standing_orders
       WHERE id = ${orderId}::uuid AND status = 'active' AND next_due_date <= ${dayText(today)}::date
       FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return false;
    const order = await tx.standingOrder.findUniqueOrThrow({ where: { id: orderId } });
    // The dashboard's next scheduled payment moves on.
    await invalidatePartnerMetrics(tx, order.partnerId);
    const until = order.endDate && order.endDate < today ? order.endDate : today;
    const dueDate = dueOnOrBefore(order.startDate, order.frequency, until) ?? order.nextDueDate!;
    const inserted = await tx.$executeRaw`
      INSERT INTO standing_order_runs (id, standing_order_id, due_date, status, attempts, next_attempt_at, created_at, updated_at)
      VALUES (${crypto.randomUUID()}::uuid, ${orderId}::uuid, ${dayText(dueDate)}::date, 'pending', 0, ${now}, ${now}, ${now})
      ON CONFLICT (standing_order_id, due_date) DO NOTHING`;
    const next = dueAfter(order.startDate, order.frequency, dueDate);
    if (order.endDate && next > order.endDate) {
      await moveOrder(tx, { id: orderId, to: "finished", from: ["active"], data: { nextDueDate: null } });
    } else {
      await tx.standingOrder.update({ where: { id: orderId }, data: { nextDueDate: next } });
    }
    return inserted === 1;
  });
}

type Funding = { skip: string } | { amountMinor: bigint; programId: string | null; sponsorshipIds: string[] };

/**
 * What a run pays: the order's amount for its program, or for those of its sponsorships
 * still short of their amount (capped at what they still need, when in the order's
 * currency); nothing when none is.
 */
async function fundingOf(
  tx: DbTx,
  order: { amountMinor: bigint; currency: string; programId: string | null; sponsorships: Array<{ sponsorshipId: string }> },
): Promise<Funding> {
  if (order.programId) {
    const program = await tx.program.findUniqueOrThrow({ where: { id: order.programId }, select: { status: true } });
    if (program.status === "completed") return { skip: "Nothing left to fund: the program is completed" };
    return { amountMinor: order.amountMinor, programId: order.programId, sponsorshipIds: [] };
  }
  const ids = order.sponsorships.map((link) => link.sponsorshipId);
  const [sponsorships, received] = await Promise.all([
    tx.sponsorship.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, amountMinor: true, currency: true } }),
    tx.disbursement.groupBy({ by: ["sponsorshipId"], where: { sponsorshipId: { in: ids } }, _sum: { amountMinor: true } }),
  ]);
  const got = new Map(received.map((row) => [row.sponsorshipId, row._sum.amountMinor ?? 0n]));
  const short = sponsorships
    .filter((s) => (s.status === "pending" || s.status === "active") && s.amountMinor > (got.get(s.id) ?? 0n))
    .map((s) => ({ ...s, need: s.amountMinor - (got.get(s.id) ?? 0n) }));
  if (short.length === 0) return { skip: "Nothing left to fund: every sponsorship is fully funded or has ended" };
  let amountMinor = order.amountMinor;
  if (short.every((s) => s.currency === order.currency)) {
    // Whole units, as payments are made in.
    const need = short.reduce((sum, s) => sum + s.need, 0n);
    const needWhole = ((need + 99n) / 100n) * 100n;
    if (needWhole < amountMinor) amountMinor = needWhole;
  }
  return { amountMinor, programId: null, sponsorshipIds: short.map((s) => s.id).sort() };
}

/** Step 2 for one run. */
async function attemptRun(runId: string, now: Date): Promise<"started" | "refused" | "skipped" | null> {
  const claim = await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM standing_order_runs
       WHERE id = ${runId}::uuid AND status IN ('pending', 'retrying') AND next_attempt_at <= ${now}
       FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return null;
    const run = await tx.standingOrderRun.findUniqueOrThrow({
      where: { id: runId },
      include: {
        standingOrder: { include: { sponsorships: { select: { sponsorshipId: true } } } },
        payments: { select: { status: true } },
      },
    });
    const order = run.standingOrder;
    if (order.status !== "active" && order.status !== "finished") return null;
    if (run.payments.some((p) => p.status === "pending")) return null;
    // Settled outside the hook (should never happen): never charge a paid period again.
    if (run.payments.some((p) => p.status === "completed")) {
      await moveRuns(tx, [runId], "paid", { nextAttemptAt: null, lastError: null });
      return null;
    }
    const funding = await fundingOf(tx, order);
    if ("skip" in funding) {
      await moveRuns(tx, [runId], "skipped", { nextAttemptAt: null, lastError: funding.skip });
      return { skipped: true as const };
    }
    const attempt = run.attempts + 1;
    await tx.standingOrderRun.update({
      where: { id: runId },
      data: { attempts: attempt, nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS) },
    });
    return { skipped: false as const, order, run, funding, attempt };
  });
  if (!claim) return null;
  if (claim.skipped) return "skipped";

  const { order, run, funding, attempt } = claim;
  try {
    const body = createPaymentBody.parse({
      amount: toMajor(funding.amountMinor),
      currency: order.currency,
      method: order.method,
      ...(funding.programId ? { program_id: funding.programId } : { sponsorship_ids: funding.sponsorshipIds }),
      description: `Standing order: ${order.description ?? "recurring payment"} — ${periodLabel(order.startDate, order.frequency, run.dueDate)}`,
      ...(order.method === "mpesa" && order.phoneNumber ? { phone_number: order.phoneNumber } : {}),
    });
    const payment = await startPayment({ partnerId: order.partnerId, body, now, standingOrderRunId: run.id });
    await getDb().standingOrderRun.update({ where: { id: run.id }, data: { invoiceId: payment.invoice_id } });
    return "started";
  } catch (error) {
    await getDb().$transaction((tx) => recordFailedAttempt(tx, { runId: run.id, attempt, reason: startError(error), now }));
    return "refused";
  }
}

function startError(error: unknown): string {
  if (error instanceof AppError) return `The payment could not be started: ${error.message}`;
  console.error("Standing order payment could not be started", error);
  return "The payment could not be started";
}
