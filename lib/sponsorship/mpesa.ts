/**
 * M-Pesa STK push payments. A payment asks the provider to prompt the payer's phone; the
 * provider's result (Safaricom's callback, or the sandbox's simulated phone) is applied
 * by `applyStkResult`, exactly once per CheckoutRequestID, completing the payment only
 * when the amount and phone match it.
 *
 * Without Daraja credentials, and where sandbox payments are enabled, the sandbox
 * provider stands in: no prompt is sent; the partner answers a simulated prompt through
 * an authenticated route (their own payments only), which feeds the same result path.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { getDb, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";
import { settlePayment, type PaymentOutcome } from "./complete-payment";
import { normalizeKenyanPhone } from "./kenyan-phone";
import type { PaymentItem } from "./list-payments";

export interface StkRequest {
  phone: string;
  amountMinor: bigint;
  reference: string;
  now: Date;
}

export interface MpesaProvider {
  name: "sandbox";
  /** Sends the prompt; answers the provider's id for it (Safaricom's CheckoutRequestID). */
  requestPayment(request: StkRequest): Promise<{ checkoutRequestId: string }>;
}

/** Safaricom's CheckoutRequestID shape: ws_CO_<DDMMYYYYHHmmss><digits>. */
function checkoutRequestId(now: Date): string {
  const d = now.toISOString();
  const digits = Array.from({ length: 10 }, () => crypto.randomInt(10)).join("");
  return `ws_CO_${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(0, 4)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}${digits}`;
}

const sandboxProvider: MpesaProvider = {
  name: "sandbox",
  async requestPayment({ now }) {
    return { checkoutRequestId: checkoutRequestId(now) };
  },
};

/** The M-Pesa provider of this server, or null when M-Pesa payments are not available. */
export function mpesaProvider(): MpesaProvider | null {
  return sandboxPaymentsEnabled() ? sandboxProvider : null;
}

/**
 * Prompts the payer's phone for a payment already recorded, and records the provider's id
 * for the prompt. Called after the payment's transaction commits.
 */
export async function sendMpesaPrompt(options: {
  provider: MpesaProvider;
  paymentId: string;
  now: Date;
}): Promise<{ checkoutRequestId: string }> {
  const payment = await getDb().payment.findUniqueOrThrow({
    where: { id: options.paymentId },
    select: { id: true, phoneNumber: true, amountMinor: true, reference: true },
  });
  const prompt = await options.provider.requestPayment({
    phone: payment.phoneNumber!,
    amountMinor: payment.amountMinor,
    reference: payment.reference,
    now: options.now,
  });
  await getDb().payment.update({ where: { id: payment.id }, data: { providerRef: prompt.checkoutRequestId } });
  return prompt;
}

export function mpesaUnavailable(): AppError {
  return new AppError(
    "payment_provider_unavailable",
    "M-Pesa payments are not available on this server; nothing was requested or recorded.",
  );
}

// ─── Results ──────────────────────────────────────────────────────────────────

const callbackValue = z.union([z.string().max(200), z.number()]).nullish();

/** Safaricom's STK push result, as posted to our CallBackURL. */
export const mpesaCallbackBody = z.object({
  Body: z.object({
    stkCallback: z.object({
      MerchantRequestID: z.string().max(100),
      CheckoutRequestID: z.string().min(1).max(100),
      ResultCode: z.coerce.number().int(),
      ResultDesc: z.string().max(500),
      CallbackMetadata: z.object({ Item: z.array(z.object({ Name: z.string().max(100), Value: callbackValue })).max(20) }).optional(),
    }),
  }),
});

export type StkResult = z.output<typeof mpesaCallbackBody>["Body"]["stkCallback"];

export const MPESA_ACCEPTED = { ResultCode: 0, ResultDesc: "Accepted" } as const;

/**
 * Applies a provider's result to the payment its CheckoutRequestID names, once: the id is
 * recorded in the same transaction as the effect, so a repeated callback changes nothing.
 * A success for another amount or another phone fails the payment with the discrepancy
 * as its reason, for someone to reconcile: it must not complete a payment it did not
 * cover. Returns null when no M-Pesa payment has that id.
 */
export async function applyStkResult(options: {
  result: StkResult;
  source: "safaricom" | "sandbox";
  now?: Date;
}): Promise<PaymentItem | null> {
  const { result } = options;
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const payment = await lockMpesaPayment(tx, result.CheckoutRequestID);
    if (!payment) return null;
    if (options.source === "sandbox" && !payment.sandbox)
      throw new AppError("invalid_state", "Only sandbox payments have a simulated prompt");
    if (options.source === "safaricom" && payment.sandbox) {
      console.warn(`M-Pesa callback for sandbox payment ${payment.id} ignored`);
      return null;
    }
    const { count } = await tx.webhookEvent.createMany({
      data: [{ id: `mpesa:stk:${result.CheckoutRequestID}`, provider: "mpesa", type: `stk_result_${result.ResultCode}` }],
      skipDuplicates: true,
    });
    // A repeated result, or one for a payment already settled (a confirmed success is never overwritten).
    if (count === 0 || payment.status !== "pending") return settlePayment(tx, { paymentId: payment.id, outcome: "unchanged", now });
    const { outcome, reason, receipt } = judge(result, payment);
    return settlePayment(tx, { paymentId: payment.id, outcome, reason, receipt, now });
  });
}

async function lockMpesaPayment(tx: DbTx, checkoutRequestId: string) {
  await tx.$queryRaw`SELECT id FROM payments WHERE provider_ref = ${checkoutRequestId} AND method = 'mpesa' FOR UPDATE`;
  return tx.payment.findFirst({
    where: { providerRef: checkoutRequestId, method: "mpesa" },
    select: { id: true, status: true, amountMinor: true, currency: true, phoneNumber: true, sandbox: true },
  });
}

function judge(
  result: StkResult,
  payment: { amountMinor: bigint; currency: string; phoneNumber: string | null },
): { outcome: PaymentOutcome; reason?: string; receipt?: string } {
  const item = (name: string) => result.CallbackMetadata?.Item.find((entry) => entry.Name === name)?.Value;
  const receiptValue = item("MpesaReceiptNumber");
  const receipt = receiptValue == null ? undefined : String(receiptValue);
  if (result.ResultCode !== 0) return { outcome: "failed", reason: result.ResultDesc || `M-Pesa result ${result.ResultCode}`, receipt };
  // M-Pesa amounts are whole shillings.
  const paidMinor = Number(item("Amount")) * 100;
  const phone = normalizeKenyanPhone(String(item("PhoneNumber") ?? ""));
  const expectedPhone = payment.phoneNumber ? normalizeKenyanPhone(payment.phoneNumber) : null;
  const problems: string[] = [];
  if (!Number.isFinite(paidMinor) || BigInt(Math.round(paidMinor)) !== payment.amountMinor) {
    problems.push(
      `is for ${payment.currency} ${Number.isFinite(paidMinor) ? paidMinor / 100 : "an unknown amount"}, not ${Number(payment.amountMinor) / 100}`,
    );
  }
  if (expectedPhone && phone !== expectedPhone) problems.push(`was paid from ${phone ?? "an unknown number"}, not ${expectedPhone}`);
  if (problems.length) return { outcome: "failed", reason: `M-Pesa receipt ${receipt ?? "unknown"} ${problems.join(" and ")}`, receipt };
  return { outcome: "completed", receipt };
}

// ─── The sandbox's simulated phone ──────────────────────────────────────────

export interface AnswerSandboxMpesaPromptOptions {
  /** A pending sandbox M-Pesa payment, checked by answerSandboxPrompt. */
  payment: { id: string; providerRef: string; amountMinor: bigint; phoneNumber: string | null };
  /** `approve` enters the PIN on the simulated phone; `cancel` dismisses the prompt. */
  action: "approve" | "cancel";
  now?: Date;
}

/**
 * Answers the simulated phone prompt as the payer would on a real phone. The answer
 * travels the same path as Safaricom's callback.
 */
export async function answerSandboxMpesaPrompt(options: AnswerSandboxMpesaPromptOptions): Promise<PaymentItem> {
  const { payment } = options;
  const result: StkResult =
    options.action === "approve"
      ? {
          MerchantRequestID: `sandbox-${payment.id}`,
          CheckoutRequestID: payment.providerRef,
          ResultCode: 0,
          ResultDesc: "The service request is processed successfully.",
          CallbackMetadata: {
            Item: [
              { Name: "Amount", Value: Number(payment.amountMinor) / 100 },
              { Name: "MpesaReceiptNumber", Value: `SBX${crypto.randomBytes(4).toString("hex").toUpperCase()}` },
              { Name: "PhoneNumber", Value: payment.phoneNumber?.replace(/^\+/, "") ?? null },
            ],
          },
        }
      : {
          MerchantRequestID: `sandbox-${payment.id}`,
          CheckoutRequestID: payment.providerRef,
          ResultCode: 1032,
          ResultDesc: "Request cancelled by user",
        };
  const settled = await applyStkResult({ result, source: "sandbox", now: options.now });
  if (!settled) throw notFound("Payment");
  return settled;
}
