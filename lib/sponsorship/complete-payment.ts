/**
 * The one way a payment leaves `pending`: an admin verifying it, an M-Pesa result
 * (mpesa.ts), or Stripe's webhook for a card payment (or, for a sandbox card payment, the
 * partner's answer to its simulated card payment, card-payment.ts). Completing a payment
 * activates the sponsorships it funds, disburses to them, moves a funded program out of
 * planning and marks the invoice paid, all in the transaction that flips the status
 * (through transitions.ts), so a payment is applied exactly once.
 */
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { isUuid } from "../ids";
import { toMajor } from "../money";
import { invalidatePartnerMetrics } from "./metric-cache";
import { toPaymentItem, type PaymentItem } from "./list-payments";
import { transition, transitionEach } from "./transitions";
import { onStandingOrderPaymentSettled } from "../standing-orders/settle-run";
import { issueReceipt } from "../billing/issue-receipt";
import { disbursedAtFor, disbursementPeriods, layOverSchedule } from "./disbursement-calendar";
import { paymentCompleted, paymentFailed, sponsorshipsActivated } from "../events/partnership-events";

const periodLabel = (start: Date) =>
  `period from ${start.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}`;

export type PaymentOutcome = "completed" | "failed";

export interface CompletePaymentOptions {
  actor: Actor;
  paymentId: string;
  outcome: PaymentOutcome;
  reason?: string;
  /** The provider's receipt for the money (M-Pesa receipt number). */
  receipt?: string;
  /** Units of the partner's reporting currency per unit of the payment's, for a payment in another currency. */
  exchangeRate?: string;
  source: "admin";
  now?: Date;
}

const withLinks = { sponsorships: { select: { sponsorshipId: true } } } as const;

/**
 * Moves a pending payment to `outcome`. Repeating an outcome already applied changes
 * nothing and returns the payment; asking for the other outcome is a 409.
 */
export async function completePayment(options: CompletePaymentOptions): Promise<PaymentItem> {
  const { paymentId, outcome, source } = options;
  if (source === "admin" && options.actor?.role !== "admin") {
    throw new AppError("insufficient_permissions", "Role 'admin' required");
  }
  if (!isUuid(paymentId)) throw notFound("Payment");
  const now = options.now ?? new Date();
  await requireRateFor({ paymentId, exchangeRate: options.exchangeRate, outcome });

  return getDb().$transaction((tx) =>
    settlePayment(tx, {
      paymentId,
      outcome,
      reason: options.reason,
      receipt: options.receipt,
      now,
      rate: options.exchangeRate ? { value: options.exchangeRate, source: "admin" } : undefined,
    }),
  );
}

/** A recorded exchange rate: units of the reporting currency per unit of the payment's, and who said so. */
export interface RecordedRate {
  value: string;
  source: "admin" | "provider";
}

const RATE_SCALE = 10_000_000_000n;

/** A decimal rate of up to ten places as an integer count of 1e-10 units. */
function scaledRate(rate: string): bigint {
  const [whole, fraction = ""] = rate.split(".");
  return BigInt(whole!) * RATE_SCALE + BigInt((fraction + "0000000000").slice(0, 10));
}

/** `minor` × `rate`, rounded half up, in integer arithmetic. */
export function convertMinor(minor: bigint, rate: string): bigint {
  return (minor * scaledRate(rate) + RATE_SCALE / 2n) / RATE_SCALE;
}

/**
 * The transition itself, inside the caller's transaction (`unchanged` only reads the
 * payment back, for a provider report already applied).
 */
export async function settlePayment(
  tx: DbTx,
  options: {
    paymentId: string;
    outcome: PaymentOutcome | "unchanged";
    reason?: string;
    /** Why it failed, as a code (payments.failure_code): cancelled, expired, declined, … */
    failureCode?: string;
    receipt?: string;
    now: Date;
    rate?: RecordedRate;
  },
): Promise<PaymentItem> {
  const { paymentId, outcome, now } = options;
  if (outcome === "unchanged") return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: withLinks }));
  const conversion = outcome === "completed" ? await conversionOf(tx, paymentId, options.rate) : null;
  // The conditional update is the lock: of concurrent calls, only one moves the payment;
  // the others find the outcome already applied (and change nothing) or another one (409).
  const moved = await transition(tx, "payment", paymentId, outcome, {
    repeatable: true,
    data:
      outcome === "completed"
        ? { completedAt: now, failureReason: null, receipt: options.receipt ?? null, ...conversion }
        : {
            failureReason: options.reason?.trim() || "Payment failed",
            failureCode: options.failureCode ?? null,
            receipt: options.receipt ?? null,
          },
  });
  if (moved && outcome === "completed") await applyCompletion(tx, paymentId, now);
  if (moved && outcome === "failed") {
    await voidInvoice(tx, paymentId, options.reason?.trim() || "Payment failed", now);
    await paymentFailed(tx, { paymentId, at: now });
  }
  if (moved) await onStandingOrderPaymentSettled(tx, { paymentId, outcome, now });
  return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: withLinks }));
}

/** A failed payment's invoice is void: nothing is owed on it, and what it billed can be invoiced again. */
async function voidInvoice(tx: DbTx, paymentId: string, reason: string, now: Date): Promise<void> {
  const invoice = await tx.invoice.findUnique({ where: { paymentId }, select: { id: true } });
  if (invoice) await transitionEach(tx, "invoice", [invoice.id], "void", { voidedAt: now, voidReason: `Payment failed: ${reason}` });
}

/**
 * What a settling payment is worth in the partner's reporting currency: the same amount
 * in the same currency, else the amount at the recorded rate; none without a rate (it
 * is then listed apart, never converted by guesswork). A rate for a payment already in
 * the reporting currency is refused.
 */
async function conversionOf(tx: DbTx, paymentId: string, rate: RecordedRate | undefined) {
  const payment = await tx.payment.findUnique({
    where: { id: paymentId },
    select: { amountMinor: true, currency: true, partner: { select: { reportingCurrency: true } } },
  });
  if (!payment) return null;
  const reporting = payment.partner.reportingCurrency.trim();
  if (payment.currency === reporting) {
    if (rate && rate.value !== "1") throw rateError(`is only for payments in another currency than ${reporting}`);
    return {
      exchangeRate: new Prisma.Decimal(1),
      rateSource: "same_currency",
      reportingAmountMinor: payment.amountMinor,
      reportingCurrency: reporting,
    };
  }
  if (!rate) return { exchangeRate: null, rateSource: null, reportingAmountMinor: null, reportingCurrency: null };
  return {
    exchangeRate: new Prisma.Decimal(rate.value),
    rateSource: rate.source,
    reportingAmountMinor: convertMinor(payment.amountMinor, rate.value),
    reportingCurrency: reporting,
  };
}

function rateError(message: string): AppError {
  return new AppError("validation_failed", `Invalid input: body.exchange_rate: ${message}`, {
    fields: [{ path: "body.exchange_rate", message, type: "value_error" }],
  });
}

/** The admin must give the rate of a payment in another currency than the partner reports in. */
export async function requireRateFor(options: { paymentId: string; exchangeRate?: string; outcome: PaymentOutcome }): Promise<void> {
  if (options.outcome !== "completed" || options.exchangeRate || !isUuid(options.paymentId)) return;
  const payment = await getDb().payment.findUnique({
    where: { id: options.paymentId },
    select: { currency: true, status: true, partner: { select: { reportingCurrency: true } } },
  });
  if (payment && payment.status === "pending" && payment.currency !== payment.partner.reportingCurrency.trim()) {
    throw rateError(
      `is required: the payment is in ${payment.currency} and the partner reports in ${payment.partner.reportingCurrency.trim()}`,
    );
  }
}

/**
 * Stripe reported a partner's card charge as succeeded or failed. Returns null when the
 * charge is not one of ours; a charge whose amount differs from the payment fails it.
 */
export async function settleCardPayment(
  tx: DbTx,
  options: {
    paymentId: string;
    providerPaymentIntent: string;
    amountMinor: number;
    currency: string;
    succeeded: boolean;
    reason?: string;
    receipt?: string;
    now?: Date;
  },
): Promise<PaymentItem | null> {
  if (!isUuid(options.paymentId)) return null;
  const payment = await tx.payment.findFirst({
    where: { id: options.paymentId, method: "stripe", providerRef: options.providerPaymentIntent },
  });
  if (!payment) return null;
  const matches = BigInt(options.amountMinor) === payment.amountMinor && options.currency.toUpperCase() === payment.currency;
  const outcome: PaymentOutcome = options.succeeded && matches ? "completed" : "failed";
  const reason = options.succeeded
    ? `Stripe charged ${options.amountMinor} ${options.currency.toUpperCase()} minor units, not the payment's amount`
    : options.reason;
  // A settled payment stays as it is: Stripe may report a charge more than once.
  if (payment.status !== "pending")
    return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, include: withLinks }));
  return settlePayment(tx, { paymentId: payment.id, outcome, reason, receipt: options.receipt, now: options.now ?? new Date() });
}

/** Minor units of the payment's currency that buy `minor` of the other at `rate`, rounded up. */
function divideUp(minor: bigint, rate: string): bigint {
  const scaled = scaledRate(rate);
  return (minor * RATE_SCALE + scaled - 1n) / scaled;
}

/**
 * The payment's money funds what it names. Each linked sponsorship (earliest starting
 * first) receives what it still needs, in its own currency: the same currency, or the
 * partner's reporting currency at the payment's recorded rate; a sponsorship in a third
 * currency receives nothing from it. A sponsorship becomes active only once fully
 * funded; a partial amount leaves it pending and partly funded. The money is laid over
 * the sponsorship's monthly periods (disbursement-calendar.ts) after what earlier
 * payments gave, one disbursement a period, dated when the period starts (or now, if it
 * has started): a coming period's money is committed until then. What is left over stays
 * paid in, not disbursed. A program leaves planning with its first completed payment:
 * programs are funded in phases against their budget.
 */
async function applyCompletion(tx: DbTx, paymentId: string, now: Date): Promise<void> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: {
      sponsorships: {
        include: {
          sponsorship: { select: { id: true, status: true, amountMinor: true, currency: true, startDate: true, endDate: true } },
        },
      },
    },
  });
  const funded = payment.sponsorships
    .map((link) => link.sponsorship)
    .filter((s) => s.status !== "cancelled")
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.id.localeCompare(b.id));
  await invalidatePartnerMetrics(tx, payment.partnerId);

  if (funded.length) {
    const ids = funded.map((s) => s.id);
    const received = await tx.disbursement.groupBy({
      by: ["sponsorshipId"],
      where: { sponsorshipId: { in: ids } },
      _sum: { amountMinor: true },
    });
    const receivedSoFar = new Map(received.map((row) => [row.sponsorshipId, row._sum.amountMinor ?? 0n]));
    const rate = payment.exchangeRate?.toString() ?? null;
    const reporting = payment.reportingCurrency?.trim() ?? null;
    let available = payment.amountMinor;
    const rows: Prisma.DisbursementCreateManyInput[] = [];
    const partly: Array<{ id: string; total: bigint; amount: bigint; currency: string }> = [];
    const complete: string[] = [];
    for (const sponsorship of funded) {
      const before = receivedSoFar.get(sponsorship.id) ?? 0n;
      const need = sponsorship.amountMinor - before;
      if (need <= 0n || available <= 0n) continue;
      // Minor units of the sponsorship's currency per minor unit of the payment's, as a rate.
      const viaRate = sponsorship.currency !== payment.currency;
      if (viaRate && !(rate && reporting === sponsorship.currency)) continue;
      const canGive = viaRate ? convertMinor(available, rate!) : available;
      const give = canGive < need ? canGive : need;
      if (give <= 0n) continue;
      available = viaRate ? (give === canGive ? 0n : available - divideUp(give, rate!)) : available - give;
      if (available < 0n) available = 0n;
      // The money follows the sponsorship's calendar, after what earlier payments gave: a
      // period already started is disbursed now, a coming one when it starts.
      const inReporting = sponsorship.currency === reporting;
      const converts = !inReporting && !!rate && !!reporting;
      let laid = 0n;
      for (const share of layOverSchedule(disbursementPeriods(sponsorship), before, give)) {
        // Converted cumulatively, so the rows' reporting amounts add up to the whole converted exactly.
        const reportingShare = converts ? convertMinor(laid + share.amountMinor, rate!) - convertMinor(laid, rate!) : share.amountMinor;
        laid += share.amountMinor;
        rows.push({
          sponsorshipId: sponsorship.id,
          paymentId,
          amountMinor: share.amountMinor,
          currency: sponsorship.currency,
          description: `${payment.description ? `${payment.description} (${payment.reference})` : `Disbursement from payment ${payment.reference}`}, ${periodLabel(share.period.start)}`,
          disbursedAt: disbursedAtFor(share.period.start, now),
          periodStart: share.period.start,
          reportingAmountMinor: inReporting || converts ? reportingShare : null,
          reportingCurrency: inReporting || converts ? reporting : null,
        });
      }
      if (before + give >= sponsorship.amountMinor) complete.push(sponsorship.id);
      else partly.push({ id: sponsorship.id, total: before + give, amount: sponsorship.amountMinor, currency: sponsorship.currency });
    }
    // @@unique(paymentId, sponsorshipId, periodStart): a period's money from a payment can never be recorded twice.
    if (rows.length) await tx.disbursement.createMany({ data: rows, skipDuplicates: true });

    // Only those this payment activated get the event: another payment may have already.
    const activated = await transitionEach(tx, "sponsorship", complete, "active", { activatedAt: now, updatedAt: now });
    if (activated.length) {
      await tx.sponsorshipEvent.createMany({
        data: activated.map((id) => ({ sponsorshipId: id, event: "Sponsorship activated", occurredAt: now })),
      });
      await sponsorshipsActivated(tx, { sponsorshipIds: activated, at: now });
    }
    if (partly.length) {
      await tx.sponsorshipEvent.createMany({
        data: partly.map((p) => ({
          sponsorshipId: p.id,
          event: `Partly funded: ${p.currency} ${toMajor(p.total)} of ${toMajor(p.amount)}`,
          occurredAt: now,
        })),
      });
    }
  }

  if (payment.programId) {
    const moved = await transitionEach(tx, "program", [payment.programId], "active", { activatedAt: now });
    if (moved.length)
      await tx.programMilestone.create({ data: { programId: payment.programId, description: "Program funded", occurredAt: today } });
  }

  const invoice = await tx.invoice.findUnique({ where: { paymentId }, select: { id: true } });
  if (invoice) await transitionEach(tx, "invoice", [invoice.id], "paid", { paidDate: today });
  await issueReceipt(tx, { paymentId, now });
  await paymentCompleted(tx, { paymentId, at: now });
}
