/**
 * Escrow payments of a partnership: the brand pays a payment into escrow (initiate,
 * then the provider reports the money arrived), and releases it to the creator once
 * the deliverables it covers are approved. Statuses: pending (not yet funded) →
 * in_progress (held in escrow) → completed (released); pending → failed → pending.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { AppError } from "../errors";
import type { PartnershipPayment } from "../generated/prisma/client";
import { isUuid } from "../ids";
import { partnershipForParty, requireSide } from "./access";
import { logActivity } from "./activity";
import { completePartnershipIfDone } from "./complete-partnership";
import { amountFromMinor, amountToMinor } from "./money";
import type { InitiatePaymentBody, PaymentResponse } from "./payment-schemas";
import { getPaymentProvider, transferGroupFor } from "./payment-provider";
import { transition } from "./transitions";

const paymentNotFound = () => new AppError("resource_not_found", "Payment not found");

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toPaymentResponse(payment: PartnershipPayment): PaymentResponse {
  return {
    id: payment.id,
    partnershipId: payment.partnershipId,
    type: payment.type,
    amount: amountFromMinor(payment.amountMinor),
    currency: payment.currency,
    status: payment.status,
    description: payment.description,
    dueDate: iso(payment.dueDate),
    paidAt: iso(payment.paidAt),
    transactionId: payment.providerPaymentIntent,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

const money = (minor: bigint, currency: string) => `${currency} ${amountFromMinor(minor).toFixed(2)}`;

async function paymentOf(tx: DbTx, partnershipId: string, paymentId: string): Promise<PartnershipPayment> {
  if (!isUuid(paymentId)) throw paymentNotFound();
  const payment = await tx.partnershipPayment.findFirst({ where: { id: paymentId, partnershipId } });
  if (!payment) throw paymentNotFound();
  return payment;
}

function requireActivePartnership(partnership: { status: string }): void {
  if (partnership.status !== "active") throw new AppError("invalid_state", `The partnership is ${partnership.status}`, { partnershipStatus: partnership.status });
}

export async function listPayments(options: { actor: Actor; partnershipId: string }): Promise<{ payments: PaymentResponse[] }> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId);
  const payments = await db.partnershipPayment.findMany({
    where: { partnershipId: options.partnershipId },
    orderBy: [{ createdAt: "asc" }, { type: "asc" }, { id: "asc" }],
  });
  return { payments: payments.map(toPaymentResponse) };
}

export async function getPayment(options: { actor: Actor; partnershipId: string; paymentId: string }): Promise<PaymentResponse> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId);
  return toPaymentResponse(await paymentOf(db, options.partnershipId, options.paymentId));
}

/**
 * Starts paying a payment into escrow: the scheduled initial/final payment (or a new
 * milestone) gets a provider charge whose client secret the brand's browser confirms.
 */
export async function initiatePayment(options: { actor: Actor; partnershipId: string; input: InitiatePaymentBody }) {
  const { actor, partnershipId, input } = options;
  return getDb().$transaction(async (tx) => {
    // The partnership lock serialises initiations, so one scheduled payment gets one charge.
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
    requireSide(side, "brand", "initiate payments");
    requireActivePartnership(partnership);
    const contract = await tx.contract.findUnique({ where: { partnershipId }, select: { status: true } });
    if (contract?.status !== "active") {
      throw new AppError("invalid_state", "Payments can be initiated only once the contract is signed by both parties", { contractStatus: contract?.status ?? null });
    }
    if (input.currency !== partnership.currency) {
      throw new AppError("invalid_request", `currency must be the partnership's currency, ${partnership.currency}`, {
        fields: [{ path: "body.currency", message: `must be ${partnership.currency}`, type: "value_error.currency_mismatch" }],
      });
    }
    const amountMinor = amountToMinor(input.amount);

    let payment: PartnershipPayment | undefined;
    if (input.type !== "milestone") {
      const scheduled = await tx.partnershipPayment.findMany({ where: { partnershipId, type: input.type }, orderBy: { createdAt: "asc" } });
      const open = scheduled.find((p) => p.status === "pending" || p.status === "failed");
      if (!open && scheduled.length > 0) throw new AppError("invalid_state", `The ${input.type} payment has already been paid`, { paymentId: scheduled[0]!.id });
      if (open?.status === "pending" && open.providerPaymentIntent) throw new AppError("invalid_state", "Payment already initiated", { paymentId: open.id });
      if (open && open.amountMinor !== amountMinor) {
        const expected = amountFromMinor(open.amountMinor);
        throw new AppError("invalid_request", `amount must be the scheduled ${input.type} payment of ${expected}`, {
          fields: [{ path: "body.amount", message: `must equal the scheduled amount ${expected}`, type: "value_error.amount_mismatch" }],
        });
      }
      payment = open;
    }
    payment ??= await tx.partnershipPayment.create({
      data: { partnershipId, type: input.type, amountMinor, currency: partnership.currency, status: "pending", description: input.description ?? null },
    });
    const previousIntent = payment.status === "failed" ? payment.providerPaymentIntent : null;
    if (payment.status === "failed") await transition(tx, "payment", payment.id, "pending", { from: ["failed"] });

    // Derived from the payment (and the failed attempt it retries), so a retried request
    // that rolled back after reaching the provider gets the same charge, not a second one.
    const charge = await getPaymentProvider().createCharge({
      amountMinor,
      currency: partnership.currency,
      partnershipId,
      paymentId: payment.id,
      idempotencyKey: previousIntent ? `charge_${payment.id}_after_${previousIntent}` : `charge_${payment.id}`,
    });
    const initiatedAt = new Date();
    const updated = await tx.partnershipPayment.update({
      where: { id: payment.id },
      data: { providerPaymentIntent: charge.providerPaymentIntent, initiatedAt, failureReason: null, ...(input.description ? { description: input.description } : {}) },
    });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_initiated",
      description: `The brand initiated the ${input.type} payment of ${money(amountMinor, partnership.currency)}`,
      metadata: { paymentId: payment.id, amountMinor: Number(amountMinor), currency: partnership.currency, providerPaymentIntent: charge.providerPaymentIntent },
      at: initiatedAt,
    });
    return { payment: toPaymentResponse(updated), paymentIntent: { clientSecret: charge.clientSecret, sandbox: charge.sandbox } };
  });
}

/** Locks and returns the payment a provider charge belongs to, or null if it is not ours. */
async function lockByIntent(tx: DbTx, providerPaymentIntent: string): Promise<PartnershipPayment | null> {
  await tx.$queryRaw`SELECT id FROM partnership_payments WHERE provider_payment_intent = ${providerPaymentIntent} FOR UPDATE`;
  return tx.partnershipPayment.findUnique({ where: { providerPaymentIntent } });
}

/**
 * The money for a charge arrived: the payment is now held in escrow. Called by the
 * Stripe webhook (with what Stripe says it charged) and by the sandbox confirmation
 * alike; funding a payment that is already funded changes nothing. A charge for another
 * amount or currency funds nothing: the payment fails with the discrepancy as its
 * reason. Returns null for a charge that is not a payment's.
 */
export async function markPaymentFunded(
  tx: DbTx,
  options: { providerPaymentIntent: string; eventId?: string; userId?: string | null; charged?: { amountMinor: bigint; currency: string } },
): Promise<PartnershipPayment | null> {
  const payment = await lockByIntent(tx, options.providerPaymentIntent);
  if (!payment || payment.status === "in_progress" || payment.status === "completed") return payment;
  const { charged } = options;
  if (charged && (charged.amountMinor !== payment.amountMinor || charged.currency.toUpperCase() !== payment.currency)) {
    const reason = `Stripe charged ${money(charged.amountMinor, charged.currency.toUpperCase())}, not the payment's ${money(payment.amountMinor, payment.currency)}`;
    console.warn(`Escrow payment ${payment.id}: ${reason}; not funded`);
    if (payment.status === "failed") return payment;
    return markPaymentFailed(tx, { providerPaymentIntent: options.providerPaymentIntent, reason, eventId: options.eventId });
  }
  // A charge can succeed after an earlier attempt on it failed: the money is there either way.
  if (payment.status === "failed") await transition(tx, "payment", payment.id, "pending", { from: ["failed"] });
  await transition(tx, "payment", payment.id, "in_progress", { from: ["pending"] });
  const fundedAt = new Date();
  const funded = await tx.partnershipPayment.update({ where: { id: payment.id }, data: { fundedAt, failureReason: null } });
  await logActivity(tx, {
    partnershipId: payment.partnershipId,
    userId: options.userId ?? null,
    type: "payment_funded",
    description: `${payment.type[0]!.toUpperCase()}${payment.type.slice(1)} payment of ${money(payment.amountMinor, payment.currency)} is held in escrow`,
    metadata: { paymentId: payment.id, providerPaymentIntent: options.providerPaymentIntent, ...(options.eventId ? { eventId: options.eventId } : {}) },
    at: fundedAt,
  });
  return funded;
}

/** A charge attempt failed: a pending payment is marked failed (the brand may initiate it again). */
export async function markPaymentFailed(
  tx: DbTx,
  options: { providerPaymentIntent: string; reason: string; eventId?: string },
): Promise<PartnershipPayment | null> {
  const payment = await lockByIntent(tx, options.providerPaymentIntent);
  if (!payment || payment.status !== "pending") return payment;
  await transition(tx, "payment", payment.id, "failed", { from: ["pending"] });
  const failed = await tx.partnershipPayment.update({ where: { id: payment.id }, data: { failureReason: options.reason } });
  await logActivity(tx, {
    partnershipId: payment.partnershipId,
    userId: null,
    type: "payment_failed",
    description: `The ${payment.type} payment of ${money(payment.amountMinor, payment.currency)} failed: ${options.reason}`,
    metadata: { paymentId: payment.id, providerPaymentIntent: options.providerPaymentIntent, reason: options.reason, ...(options.eventId ? { eventId: options.eventId } : {}) },
  });
  return failed;
}

/**
 * The brand resumes a charge it started but did not finish paying (it left the page, or
 * the card form failed): the same charge's client secret, never a second charge.
 */
export async function resumePayment(options: { actor: Actor; partnershipId: string; paymentId: string }): Promise<{ payment: PaymentResponse; paymentIntent: { clientSecret: string; sandbox: boolean } }> {
  const { actor, partnershipId, paymentId } = options;
  const payment = await getDb().$transaction(async (tx) => {
    const { side } = await partnershipForParty(tx, actor, partnershipId);
    requireSide(side, "brand", "pay");
    return paymentOf(tx, partnershipId, paymentId);
  });
  if (payment.status !== "pending") throw new AppError("invalid_state", `Payment is ${payment.status}, not awaiting payment`);
  if (!payment.providerPaymentIntent) throw new AppError("invalid_state", "Payment has not been initiated");
  const provider = getPaymentProvider();
  const clientSecret = await provider.chargeClientSecret(payment.providerPaymentIntent);
  return { payment: toPaymentResponse(payment), paymentIntent: { clientSecret, sandbox: provider.name === "sandbox" } };
}

/** Sandbox only: the brand confirms the simulated charge, as Stripe's webhook would. */
export async function confirmSandboxPayment(options: { actor: Actor; partnershipId: string; paymentId: string }): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId } = options;
  return getDb().$transaction(async (tx) => {
    const { side } = await partnershipForParty(tx, actor, partnershipId);
    requireSide(side, "brand", "confirm payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    if (getPaymentProvider().name !== "sandbox") throw new AppError("invalid_state", "Payments are confirmed by Stripe");
    if (!payment.providerPaymentIntent) throw new AppError("invalid_state", "Payment has not been initiated");
    const funded = await markPaymentFunded(tx, { providerPaymentIntent: payment.providerPaymentIntent, userId: actor.id });
    return toPaymentResponse(funded!);
  });
}

const RELEASE_REFUSAL: Record<string, string> = {
  pending: "Payment has not been funded yet",
  completed: "Payment already released",
  failed: "Payment failed and has not been funded",
};

/**
 * Releases a funded payment to the creator once every deliverable it covers is
 * approved. The status moves first, inside the transaction, and the transfer is made
 * before it commits: concurrent releases queue on the row and all but one find it
 * completed, and a refused transfer rolls the release back.
 */
export async function releasePayment(options: { actor: Actor; partnershipId: string; paymentId: string }): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId } = options;
  return getDb().$transaction(async (tx) => {
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId);
    requireSide(side, "brand", "release payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    requireActivePartnership(partnership);
    if (payment.status !== "in_progress") {
      throw new AppError("invalid_state", RELEASE_REFUSAL[payment.status] ?? `Cannot release a ${payment.status} payment`, { status: payment.status });
    }
    const [links, creator] = await Promise.all([
      tx.partnershipPaymentDeliverable.findMany({ where: { paymentId }, select: { deliverable: { select: { status: true } } } }),
      tx.creatorProfile.findUnique({ where: { userId: partnership.creatorId }, select: { stripeAccountId: true } }),
    ]);
    const unapproved = links.filter((link) => link.deliverable.status !== "approved").length;
    if (unapproved > 0) {
      throw new AppError("invalid_state", `${unapproved} of ${links.length} deliverables covered by this payment are not approved yet`, {
        pendingDeliverables: unapproved,
        totalDeliverables: links.length,
      });
    }
    if (!creator?.stripeAccountId) throw new AppError("invalid_state", "Creator has no payout account");

    await transition(tx, "payment", paymentId, "completed", { from: ["in_progress"], message: "Payment already released" });
    const { providerTransfer } = await getPaymentProvider().transferToCreator({
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      destinationAccount: creator.stripeAccountId,
      transferGroup: transferGroupFor(partnershipId),
      paymentId,
      idempotencyKey: `release_${paymentId}`,
    });
    const paidAt = new Date();
    const released = await tx.partnershipPayment.update({ where: { id: paymentId }, data: { paidAt, providerTransfer } });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_released",
      description: `${money(payment.amountMinor, payment.currency)} released to the creator`,
      metadata: { paymentId, transfer: providerTransfer },
      at: paidAt,
    });
    await completePartnershipIfDone(tx, { partnershipId, userId: actor.id, at: paidAt });
    return toPaymentResponse(released);
  });
}
