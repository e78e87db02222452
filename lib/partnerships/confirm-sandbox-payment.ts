import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getPaymentProvider } from "../payments/payment-provider";
import { partnershipForParty, requireSide } from "./access";
import { markPaymentFunded } from "./mark-payment-funded";
import type { PaymentResponse } from "./schemas/payments";
import { paymentOf, paymentResponseIn } from "./payment-view";

export interface ConfirmSandboxPaymentOptions {
  actor: Actor;
  partnershipId: string;
  paymentId: string;
}

/** Sandbox only: the brand confirms the simulated charge, as Stripe's webhook would. */
export async function confirmSandboxPayment(options: ConfirmSandboxPaymentOptions): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId } = options;
  return getDb().$transaction(async (tx) => {
    const { side } = await partnershipForParty(tx, actor, partnershipId, { permission: "finance" });
    requireSide(side, "brand", "confirm payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    if (getPaymentProvider().name !== "sandbox") throw new AppError("invalid_state", "Payments are confirmed by Stripe");
    if (!payment.providerPaymentIntent) throw new AppError("invalid_state", "Payment has not been initiated");
    const funded = await markPaymentFunded(tx, { providerPaymentIntent: payment.providerPaymentIntent, userId: actor.id });
    return paymentResponseIn(tx, funded!);
  });
}
