/**
 * POST /partner/payments/{id}/sandbox-prompt: the partner answers the simulated prompt of
 * one of their own pending sandbox payments, where a real provider would ask the payer:
 * the phone prompt of an M-Pesa payment (mpesa.ts), or the card payment of a card
 * payment (card-payment.ts). Each answer settles the payment the way that provider's
 * report would.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";
import { answerSandboxCardPrompt } from "./card-payment";
import type { PaymentItem } from "./list-payments";
import { answerSandboxMpesaPrompt } from "./mpesa";
import { partnerOf } from "./partner-of";

export const sandboxPromptBody = z.object({
  action: z
    .enum(["approve", "cancel"])
    .describe(
      "`approve` enters the PIN on the simulated phone (M-Pesa) or lets the simulated card payment succeed; `cancel` dismisses the prompt or declines the card",
    ),
});

export interface AnswerSandboxPromptOptions {
  actor: Actor;
  paymentId: string;
  action: z.output<typeof sandboxPromptBody>["action"];
  now?: Date;
}

export async function answerSandboxPrompt(options: AnswerSandboxPromptOptions): Promise<PaymentItem> {
  const partnerId = partnerOf(options.actor, "finance");
  const payment = await findOrNotFound("Payment", options.paymentId, (id) =>
    getDb().payment.findFirst({
      where: { id, partnerId },
      select: {
        id: true,
        method: true,
        status: true,
        sandbox: true,
        providerRef: true,
        amountMinor: true,
        currency: true,
        phoneNumber: true,
      },
    }),
  );
  const card = payment.method === "stripe";
  if ((!card && payment.method !== "mpesa") || !payment.sandbox || !payment.providerRef) {
    throw new AppError(
      "invalid_state",
      card ? "Only sandbox card payments have a simulated card payment" : "Only sandbox M-Pesa payments have a simulated prompt",
    );
  }
  if (!sandboxPaymentsEnabled()) throw new AppError("invalid_state", "Sandbox payments are turned off on this server");
  if (payment.status !== "pending") throw new AppError("invalid_state", `Payment is already ${payment.status}`);
  const answer = { payment: { ...payment, providerRef: payment.providerRef }, action: options.action, now: options.now };
  return card ? answerSandboxCardPrompt(answer) : answerSandboxMpesaPrompt(answer);
}
