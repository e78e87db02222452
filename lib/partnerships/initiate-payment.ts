/**
 * POST /partnerships/{id}/payments: the brand starts paying a payment into escrow. The
 * scheduled initial/final payment (or a new milestone) gets a provider charge whose
 * client secret the brand's browser confirms; the provider's report of the money
 * arriving then funds it (mark-payment-funded.ts).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { PartnershipPayment } from "../generated/prisma/client";
import { getPaymentProvider } from "../payments/payment-provider";
import { partnershipForParty, requireSide } from "./access";
import { logActivity } from "./log-activity";
import { toMajor, toMinor } from "../money";
import type { InitiatePaymentBody, PaymentResponse } from "./schemas/payments";
import { describeMoney, requirePayingPartnership, toPaymentResponse } from "./payment-view";
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
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
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

    let payment: PartnershipPayment | undefined;
    if (input.type !== "milestone") {
      const scheduled = await tx.partnershipPayment.findMany({ where: { partnershipId, type: input.type }, orderBy: { createdAt: "asc" } });
      const open = scheduled.find((p) => p.status === "pending" || p.status === "failed");
      if (!open && scheduled.length > 0)
        throw new AppError("invalid_state", `The ${input.type} payment has already been paid`, { paymentId: scheduled[0]!.id });
      if (open?.status === "pending" && open.providerPaymentIntent)
        throw new AppError("invalid_state", "Payment already initiated", { paymentId: open.id });
      if (open && open.amountMinor !== amountMinor) {
        const expected = toMajor(open.amountMinor);
        throw new AppError("invalid_request", `amount must be the scheduled ${input.type} payment of ${expected}`, {
          fields: [{ path: "body.amount", message: `must equal the scheduled amount ${expected}`, type: "value_error.amount_mismatch" }],
        });
      }
      payment = open;
    }
    payment ??= await tx.partnershipPayment.create({
      data: {
        partnershipId,
        type: input.type,
        amountMinor,
        currency: partnership.currency,
        status: "pending",
        description: input.description ?? null,
      },
    });
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
    return { payment: toPaymentResponse(updated), paymentIntent: { clientSecret: charge.clientSecret, sandbox: charge.sandbox } };
  });
}
