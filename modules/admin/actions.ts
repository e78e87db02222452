"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { enforceRateLimit, userKey } from "@/lib/api/rate-limit";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { PaymentStatus } from "@/lib/generated/prisma/enums";
import type { ActionState } from "@/lib/forms/action-state";
import { completePayment } from "@/lib/sponsorship/complete-payment";
import { exchangeRateInput } from "@/lib/sponsorship/schemas/payments";

const verifyForm = z.object({
  paymentId: z.string().min(1),
  outcome: z.enum([PaymentStatus.completed, PaymentStatus.failed]),
  exchange_rate: z.preprocess((value) => (value === "" || value === null ? undefined : value), exchangeRateInput.optional()),
});

/** Marks a pending payment received (completed) or failed, through the same transition the API uses. */
export async function verifyPaymentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePageActor(["admin"]);
  const parsed = verifyForm.safeParse({
    paymentId: form.get("paymentId"),
    outcome: form.get("outcome"),
    exchange_rate: form.get("exchange_rate"),
  });
  if (!parsed.success) {
    const rate = parsed.error.issues.find((issue) => issue.path[0] === "exchange_rate");
    return { status: "error", message: rate ? `Exchange rate ${rate.message}.` : "That request was not understood.", fieldErrors: {} };
  }
  let marked: string;
  try {
    await enforceRateLimit(userKey(actor.id));
    const payment = await completePayment({
      actor,
      paymentId: parsed.data.paymentId,
      outcome: parsed.data.outcome,
      exchangeRate: parsed.data.exchange_rate,
      source: "admin",
    });
    marked = payment.id;
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: {} };
    throw error;
  }
  revalidatePath("/admin");
  // The payment leaves the queue; the page then says what became of it.
  redirect(`/admin?marked=${marked}`);
}
