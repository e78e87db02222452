/**
 * POST /partnerships/{id}/payments: the brand starts paying a payment into escrow. A
 * payment of the plan (named by paymentId, or the plan's initial or final payment by its
 * type) or a new milestone gets a provider charge whose client secret the brand's browser
 * confirms; the provider's report of the money arriving then funds it (mark-payment-funded.ts).
 *
 * Bounds: a planned payment is paid for exactly its amount. A new milestone names the
 * deliverables it pays for (of this partnership, not rejected; approved ones may be named,
 * the payment is then releasable as soon as it is funded), and all the partnership's
 * payments that are not cancelled or refunded, with it, may not come to more than the
 * compensation. A plan always sums to the compensation, so room for a milestone appears
 * only when an unfunded payment is cancelled (cancel-payment.ts).
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { AppError } from "../errors";
import type { Partnership, PartnershipPayment } from "../generated/prisma/client";
import { getPaymentProvider } from "../payments/payment-provider";
import { partnershipForParty, requireSide } from "./access";
import { logActivity } from "./log-activity";
import { toMajor, toMinor } from "../money";
import type { InitiatePaymentBody, PaymentResponse } from "./schemas/payments";
import { describeMoney, paymentOf, paymentResponseIn, requirePayingPartnership } from "./payment-view";
import { transition } from "./transitions";

export interface InitiatePaymentOptions {
  actor: Actor;
  partnershipId: string;
  input: InitiatePaymentBody;
}

export async function initiatePayment(
  options: InitiatePaymentOptions,
): Promise<{ payment: PaymentResponse; paymentIntent: { clientSecret: string; sandbox: boolean } }> {
  const { actor, partnershipId, input } = options;
  return getDb().$transaction(async (tx) => {
    // The partnership lock serialises initiations, so one scheduled payment gets one charge.
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "finance" });
    requireSide(side, "brand", "initiate payments");
    requirePayingPartnership(partnership);
    const contract = await tx.contract.findUnique({ where: { partnershipId }, select: { status: true } });
    if (contract?.status !== "active") {
      throw new AppError("invalid_state", "Payments can be initiated only once the contract is signed by both parties", {
        contractStatus: contract?.status ?? null,
      });
    }
    if (input.currency !== partnership.currency) {
      throw new AppError("invalid_request", `currency must be the partnership's currency, ${partnership.currency}`, {
        fields: [{ path: "body.currency", message: `must be ${partnership.currency}`, type: "value_error.currency_mismatch" }],
      });
    }
    const amountMinor = toMinor(input.amount);

    const payment =
      input.paymentId !== undefined || input.type !== "milestone"
        ? await plannedPayment(tx, partnershipId, input, amountMinor)
        : await newMilestone(tx, partnership, input, amountMinor);
    const previousIntent = payment.status === "failed" ? payment.providerPaymentIntent : null;
    if (payment.status === "failed") await transition(tx, "payment", payment.id, "pending", { from: ["failed"] });

    // Derived from the payment (and the failed attempt it retries), so a retried request
    // that rolled back after reaching the provider gets the same charge, not a second one.
    const charge = await getPaymentProvider().createCharge({
      amountMinor,
      currency: partnership.currency,
      purpose: { kind: "escrow", partnershipId, paymentId: payment.id },
      idempotencyKey: previousIntent ? `charge_${payment.id}_after_${previousIntent}` : `charge_${payment.id}`,
    });
    const initiatedAt = new Date();
    const updated = await tx.partnershipPayment.update({
      where: { id: payment.id },
      data: {
        providerPaymentIntent: charge.providerPaymentIntent,
        initiatedAt,
        failureReason: null,
        ...(input.description ? { description: input.description } : {}),
      },
    });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_initiated",
      description: `The brand initiated the ${input.type} payment of ${describeMoney(amountMinor, partnership.currency)}`,
      metadata: {
        paymentId: payment.id,
        amountMinor: Number(amountMinor),
        currency: partnership.currency,
        providerPaymentIntent: charge.providerPaymentIntent,
      },
      at: initiatedAt,
    });
    return { payment: await paymentResponseIn(tx, updated), paymentIntent: { clientSecret: charge.clientSecret, sandbox: charge.sandbox } };
  });
}

const WHAT = { initial: "initial payment", milestone: "milestone payment", final: "final payment" } as const;

/** The planned payment to pay: pending (not yet charged) or failed, and for exactly its amount. */
async function plannedPayment(
  tx: DbTx,
  partnershipId: string,
  input: InitiatePaymentBody,
  amountMinor: bigint,
): Promise<PartnershipPayment> {
  let open: PartnershipPayment | undefined;
  if (input.paymentId !== undefined) {
    const named = await paymentOf(tx, partnershipId, input.paymentId);
    if (named.type !== input.type) {
      throw new AppError("invalid_request", `type must be the payment's type, ${named.type}`, {
        fields: [{ path: "body.type", message: `must be ${named.type}`, type: "value_error.type_mismatch" }],
      });
    }
    if (named.status !== "pending" && named.status !== "failed") {
      throw new AppError("invalid_state", `The ${WHAT[named.type]} is ${named.status}`, { paymentId: named.id, status: named.status });
    }
    open = named;
  } else {
    const scheduled = await tx.partnershipPayment.findMany({
      where: { partnershipId, type: input.type },
      orderBy: [{ position: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    });
    open = scheduled.find((p) => p.status === "pending" || p.status === "failed");
    if (!open) {
      if (scheduled.length === 0) {
        throw new AppError("invalid_state", `This partnership's payment plan has no ${WHAT[input.type]}`, { type: input.type });
      }
      const done = scheduled[0]!;
      const message =
        done.status === "cancelled" ? `The ${WHAT[input.type]} was cancelled` : `The ${WHAT[input.type]} has already been paid`;
      throw new AppError("invalid_state", message, { paymentId: done.id, status: done.status });
    }
  }
  if (open.status === "pending" && open.providerPaymentIntent)
    throw new AppError("invalid_state", "Payment already initiated", { paymentId: open.id });
  if (open.amountMinor !== amountMinor) {
    const expected = toMajor(open.amountMinor);
    throw new AppError("invalid_request", `amount must be the scheduled ${WHAT[open.type]} of ${expected}`, {
      fields: [{ path: "body.amount", message: `must equal the scheduled amount ${expected}`, type: "value_error.amount_mismatch" }],
    });
  }
  return open;
}

/** A new milestone for the deliverables it names, within what is left of the compensation. */
async function newMilestone(
  tx: DbTx,
  partnership: Partnership,
  input: InitiatePaymentBody,
  amountMinor: bigint,
): Promise<PartnershipPayment> {
  const covered = await milestoneDeliverables(tx, partnership.id, input.deliverableIds ?? []);
  await requireRoomFor(tx, partnership, amountMinor);
  const payment = await tx.partnershipPayment.create({
    data: {
      partnershipId: partnership.id,
      type: "milestone",
      trigger: "on_approval",
      amountMinor,
      currency: partnership.currency,
      status: "pending",
      description: input.description ?? null,
      dueDate: new Date(Math.max(...covered.map((d) => d.dueDate.getTime()))),
    },
  });
  // Released only once the deliverables it names are approved.
  await tx.partnershipPaymentDeliverable.createMany({ data: covered.map((d) => ({ paymentId: payment.id, deliverableId: d.id })) });
  return payment;
}

/** The deliverables a new milestone names: each one of this partnership's, and not rejected. */
async function milestoneDeliverables(tx: DbTx, partnershipId: string, deliverableIds: string[]) {
  const ids = [...new Set(deliverableIds)];
  const found = await tx.deliverable.findMany({
    where: { partnershipId, id: { in: ids } },
    select: { id: true, status: true, dueDate: true },
  });
  const fields = ids.flatMap((id) => {
    const deliverable = found.find((d) => d.id === id);
    const index = deliverableIds.indexOf(id);
    if (!deliverable)
      return [
        { path: `body.deliverableIds.${index}`, message: "is not a deliverable of this partnership", type: "value_error.deliverable" },
      ];
    if (deliverable.status === "rejected")
      return [{ path: `body.deliverableIds.${index}`, message: "was rejected", type: "value_error.deliverable" }];
    return [];
  });
  if (fields.length > 0)
    throw new AppError("invalid_request", `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { fields });
  return found;
}

/** 400 unless the partnership's live payments and this one fit in the compensation. */
async function requireRoomFor(tx: DbTx, partnership: Partnership, amountMinor: bigint): Promise<void> {
  const { _sum } = await tx.partnershipPayment.aggregate({
    where: { partnershipId: partnership.id, status: { notIn: ["cancelled", "refunded"] } },
    _sum: { amountMinor: true },
  });
  const left = partnership.amountMinor - (_sum.amountMinor ?? 0n);
  if (amountMinor > left) {
    const message =
      left > 0n
        ? `is more than what is left of the compensation: ${describeMoney(left, partnership.currency)} of ${describeMoney(partnership.amountMinor, partnership.currency)}`
        : `nothing is left of the compensation of ${describeMoney(partnership.amountMinor, partnership.currency)}; cancel an unfunded payment to make room`;
    throw new AppError("invalid_request", `Invalid input: body.amount: ${message}`, {
      fields: [{ path: "body.amount", message, type: "value_error.amount_exceeds_compensation" }],
      remainingAmount: toMajor(left > 0n ? left : 0n),
    });
  }
}
