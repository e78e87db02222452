/**
 * The one way a payment leaves `pending`: an admin verifying it, an M-Pesa result
 * (mpesa.ts), or Stripe's webhook for a card payment. Completing a payment activates the sponsorships it funds, disburses to
 * them, moves a funded program out of planning and marks the invoice paid, all in the
 * transaction that flips the status, so a payment is applied exactly once.
 */
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { isUuid } from "../ids";
import { invalidatePartnerMetrics } from "./metric-cache";
import { toPaymentItem, type PaymentItem } from "./list-payments";

export type PaymentOutcome = "completed" | "failed";

export interface CompletePaymentOptions {
  actor: Actor;
  paymentId: string;
  outcome: PaymentOutcome;
  reason?: string;
  /** The provider's receipt for the money (M-Pesa receipt number). */
  receipt?: string;
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

  return getDb().$transaction((tx) => settlePayment(tx, { paymentId, outcome, reason: options.reason, receipt: options.receipt, now }));
}

/**
 * The transition itself, inside the caller's transaction (`unchanged` only reads the
 * payment back, for a provider report already applied).
 */
export async function settlePayment(tx: DbTx, options: { paymentId: string; outcome: PaymentOutcome | "unchanged"; reason?: string; receipt?: string; now: Date }): Promise<PaymentItem> {
  const { paymentId, outcome, now } = options;
  if (outcome === "unchanged") return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: withLinks }));
  // The conditional update is the lock: of concurrent calls, only one sees count 1.
  const { count } = await tx.payment.updateMany({
    where: { id: paymentId, status: "pending" },
    data:
      outcome === "completed"
        ? { status: "completed", completedAt: now, failureReason: null, receipt: options.receipt ?? null }
        : { status: "failed", failureReason: options.reason?.trim() || "Payment failed", receipt: options.receipt ?? null },
  });
  if (count === 0) {
    const payment = await tx.payment.findUnique({ where: { id: paymentId }, include: withLinks });
    if (!payment) throw notFound("Payment");
    if (payment.status === outcome) return toPaymentItem(payment);
    throw new AppError("invalid_state", `Payment is already ${payment.status}; it cannot become ${outcome}`);
  }
  if (outcome === "completed") await applyCompletion(tx, paymentId, now);
  return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: withLinks }));
}

/**
 * Stripe reported a partner's card charge as succeeded or failed. Returns null when the
 * charge is not one of ours; a charge whose amount differs from the payment fails it.
 */
export async function settleCardPayment(
  tx: DbTx,
  options: { paymentId: string; providerPaymentIntent: string; amountMinor: number; currency: string; succeeded: boolean; reason?: string; receipt?: string; now?: Date },
): Promise<PaymentItem | null> {
  if (!isUuid(options.paymentId)) return null;
  const payment = await tx.payment.findFirst({ where: { id: options.paymentId, method: "stripe", providerRef: options.providerPaymentIntent } });
  if (!payment) return null;
  const matches = BigInt(options.amountMinor) === payment.amountMinor && options.currency.toUpperCase() === payment.currency;
  const outcome: PaymentOutcome = options.succeeded && matches ? "completed" : "failed";
  const reason = options.succeeded ? `Stripe charged ${options.amountMinor} ${options.currency.toUpperCase()} minor units, not the payment's amount` : options.reason;
  // A settled payment stays as it is: Stripe may report a charge more than once.
  if (payment.status !== "pending") return toPaymentItem(await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, include: withLinks }));
  return settlePayment(tx, { paymentId: payment.id, outcome, reason, receipt: options.receipt, now: options.now ?? new Date() });
}

async function applyCompletion(tx: DbTx, paymentId: string, now: Date): Promise<void> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { sponsorships: { include: { sponsorship: { select: { id: true, status: true, amountMinor: true } } } } },
  });
  const funded = payment.sponsorships.map((link) => link.sponsorship).sort((a, b) => a.id.localeCompare(b.id));
  await invalidatePartnerMetrics(tx, payment.partnerId);

  if (funded.length) {
    const ids = Prisma.join(funded.map((s) => Prisma.sql`${s.id}::uuid`));
    // RETURNING tells which ones this payment activated (another payment may have already).
    const activated = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE sponsorships SET status = 'active', activated_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      WHERE id IN (${ids}) AND status = 'pending'
      RETURNING id::text AS id`;
    if (activated.length) {
      await tx.sponsorshipEvent.createMany({
        data: activated.map(({ id }) => ({ sponsorshipId: id, event: "Sponsorship activated", occurredAt: now })),
      });
    }

    // Split evenly over all funded sponsorships (leftover minor units to the first ones),
    // capped at what each still has to receive; cancelled ones receive nothing.
    const disbursed = await tx.disbursement.groupBy({
      by: ["sponsorshipId"],
      where: { sponsorshipId: { in: funded.map((s) => s.id) } },
      _sum: { amountMinor: true },
    });
    const paidSoFar = new Map(disbursed.map((row) => [row.sponsorshipId, row._sum.amountMinor ?? 0n]));
    const n = BigInt(funded.length);
    const share = payment.amountMinor / n;
    const leftover = payment.amountMinor % n;
    const rows = funded.flatMap((sponsorship, i) => {
      if (sponsorship.status === "cancelled") return [];
      const even = share + (BigInt(i) < leftover ? 1n : 0n);
      const remaining = sponsorship.amountMinor - (paidSoFar.get(sponsorship.id) ?? 0n);
      const amountMinor = even < remaining ? even : remaining;
      if (amountMinor <= 0n) return [];
      return [{
        sponsorshipId: sponsorship.id,
        paymentId,
        amountMinor,
        currency: payment.currency,
        description: payment.description ? `${payment.description} (${payment.reference})` : `Disbursement from payment ${payment.reference}`,
        disbursedAt: now,
      }];
    });
    // @@unique(paymentId, sponsorshipId): a disbursement can never be recorded twice.
    if (rows.length) await tx.disbursement.createMany({ data: rows, skipDuplicates: true });
  }

  if (payment.programId) {
    const moved = await tx.program.updateMany({ where: { id: payment.programId, status: "planning" }, data: { status: "active" } });
    if (moved.count) await tx.programMilestone.create({ data: { programId: payment.programId, description: "Program funded", occurredAt: today } });
  }

  await tx.invoice.updateMany({ where: { paymentId, status: { not: "paid" } }, data: { status: "paid", paidDate: today } });
}
