import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getPaymentProvider } from "../payments/payment-provider";
import { partnershipForParty, requireSide } from "./access";
import type { PaymentResponse } from "./schemas/payments";
import { paymentOf, toPaymentResponse } from "./payment-view";

export interface ResumePaymentOptions {
  actor: Actor;
  partnershipId: string;
  paymentId: string;
}

/**
 * The brand resumes a charge it started but did not finish paying (it left the page, or
 * the card form failed): the same charge's client secret, never a second charge.
 */
export async function resumePayment(
  options: ResumePaymentOptions,
): Promise<{ payment: PaymentResponse; paymentIntent: { clientSecret: string; sandbox: boolean } }> {
  const { actor, partnershipId, paymentId } = options;
  const payment = await getDb().$transaction(async (tx) => {
    const { side } = await partnershipForParty(tx, actor, partnershipId, { permission: "finance" });
    requireSide(side, "brand", "pay");
    return paymentOf(tx, partnershipId, paymentId);
  });
  if (payment.status !== "pending") throw new AppError("invalid_state", `Payment is ${payment.status}, not awaiting payment`);
  if (!payment.providerPaymentIntent) throw new AppError("invalid_state", "Payment has not been initiated");
  const provider = getPaymentProvider();
  const clientSecret = await provider.chargeClientSecret(payment.providerPaymentIntent);
  return { payment: toPaymentResponse(payment), paymentIntent: { clientSecret, sandbox: provider.name === "sandbox" } };
}
