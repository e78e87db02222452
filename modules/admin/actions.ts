"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { enforceRateLimit, userKey } from "@/lib/api/rate-limit";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { completePayment } from "@/lib/sponsorship/complete-payment";
import { exchangeRateInput } from "@/lib/sponsorship/schemas";

const verifyForm = z.object({
  paymentId: z.string().min(1),
  outcome: z.enum(["completed", "failed"]),
  exchange_rate: z.preprocess((value) => (value === "" || value === null ? undefined : value), exchangeRateInput.optional()),
});

export interface VerifyResult {
  ok: boolean;
  message: string;
}

/** Marks a pending payment received (completed) or failed, through the same transition the API uses. */
export async function verifyPaymentAction(_previous: VerifyResult | null, form: FormData): Promise<VerifyResult> {
  const actor = await requirePageActor(["admin"]);
  const parsed = verifyForm.safeParse({ paymentId: form.get("paymentId"), outcome: form.get("outcome"), exchange_rate: form.get("exchange_rate") });
  if (!parsed.success) {
    const rate = parsed.error.issues.find((issue) => issue.path[0] === "exchange_rate");
    return { ok: false, message: rate ? `Exchange rate ${rate.message}.` : "That request was not understood." };
  }
  try {
    await enforceRateLimit(userKey(actor.id));
    const payment = await completePayment({ actor, paymentId: parsed.data.paymentId, outcome: parsed.data.outcome, exchangeRate: parsed.data.exchange_rate, source: "admin" });
    revalidatePath("/admin");
    return { ok: true, message: `Payment ${payment.reference} marked ${payment.status}.` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
