"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { createPayment } from "@/lib/sponsorship/create-payment";
import { answerSandboxPrompt, sandboxPromptBody } from "@/lib/sponsorship/answer-sandbox-prompt";
import { createPaymentBody } from "@/lib/sponsorship/schemas/payments";

/** Starts a payment with the same schema and service as POST /partner/payments. */
export async function createPaymentAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(createPaymentBody, input, (body) => createPayment({ actor, body }), { actor, action: "payment.create" });
}

/** Answers the simulated prompt of a sandbox payment (M-Pesa phone or card payment), as POST /partner/payments/{id}/sandbox-prompt does. */
export async function answerSandboxPromptAction(paymentId: string, action: "approve" | "cancel") {
  const actor = await requirePageActor(["partner"]);
  return runAction(
    sandboxPromptBody,
    { action },
    async (body) => {
      const payment = await answerSandboxPrompt({ actor, paymentId, action: body.action });
      return { status: payment.status, receipt: payment.receipt };
    },
    { actor, action: "payment.answer-sandbox-prompt", target: { paymentId } },
  );
}
