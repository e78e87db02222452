/**
 * M-Pesa STK push payments. A payment asks the provider to prompt the payer's phone; the
 * provider's result (Safaricom's callback or its answer to STK Query, or the sandbox's
 * simulated phone) is applied by `applyStkResult`, exactly once per CheckoutRequestID,
 * completing the payment only when the amount and phone match it.
 *
 * With Daraja credentials and the STK settings (lib/daraja/config.ts) the prompt goes to
 * the payer's phone through Safaricom. Without them, and where sandbox payments are enabled,
 * the sandbox provider stands in: no prompt is sent; the partner answers a simulated prompt
 * through an authenticated route (their own payments only), which feeds the same result path.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { darajaClientFor } from "../daraja/client";
import { darajaConfig, stkConfig, type DarajaConfig, type StkConfig } from "../daraja/config";
import { requestStkPush, stkAccountReference } from "../daraja/stk";
import { getDb, Prisma, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { recordUnappliedMoney } from "./unapplied-money";
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";
import { settlePayment, type PaymentOutcome } from "./complete-payment";
import { normalizeKenyanPhone } from "./kenyan-phone";
import type { PaymentItem } from "./list-payments";
import { stkResultMeaning, type MpesaFailureCode } from "./mpesa-result-codes";

export interface StkRequest {
  phone: string;
  amountMinor: bigint;
  reference: string;
  now: Date;
}

export interface MpesaProvider {
  name: "sandbox" | "daraja";
  /** Sends the prompt; answers the provider's id for it (Safaricom's CheckoutRequestID). */
  requestPayment(request: StkRequest): Promise<{ checkoutRequestId: string }>;
}

/** A prompt nobody answered is gone from the phone well before this; the payment then expires. */
export const PROMPT_LIFETIME_MS = 10 * 60_000;

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

function darajaProvider(daraja: DarajaConfig, stk: StkConfig): MpesaProvider {
  return {
    name: "daraja",
    async requestPayment({ phone, amountMinor, reference, now }) {
      const normalized = normalizeKenyanPhone(phone);
      if (!normalized) throw new AppError("validation_failed", "The phone number is not a Safaricom mobile number");
      if (amountMinor % 100n !== 0n) throw new AppError("validation_failed", "M-Pesa payments are in whole shillings");
      const accepted = await requestStkPush(darajaClientFor(daraja), stk, {
        amountKes: Number(amountMinor / 100n),
        phone: normalized.slice(1),
        accountReference: stkAccountReference(reference),
        description: "Sponsorship",
        now,
      });
      return { checkoutRequestId: accepted.CheckoutRequestID };
    },
  };
}

/** The M-Pesa provider of this server, or null when M-Pesa payments are not available. */
export function mpesaProvider(): MpesaProvider | null {
  const daraja = darajaConfig();
  const stk = stkConfig();
  if (daraja && !("missing" in stk)) return darajaProvider(daraja, stk);
  return sandboxPaymentsEnabled() ? sandboxProvider : null;
}

/**
 * Prompts the payer's phone for a payment already recorded, and records the provider's id
 * for the prompt and when the payment expires. Called after the payment's transaction
 * commits. A prompt Daraja refuses, or cannot be reached for, fails the payment at once and
 * answers a 502: nothing was charged.
 */
export async function sendMpesaPrompt(options: {
  provider: MpesaProvider;
  paymentId: string;
  now: Date;
}): Promise<{ checkoutRequestId: string }> {
  const payment = await getDb().payment.findUniqueOrThrow({
    where: { id: options.paymentId },
    select: { id: true, phoneNumber: true, amountMinor: true, reference: true, createdAt: true },
  });
  let prompt: { checkoutRequestId: string };
  try {
    prompt = await options.provider.requestPayment({
      phone: payment.phoneNumber!,
      amountMinor: payment.amountMinor,
      reference: payment.reference,
      now: options.now,
    });
  } catch (error) {
    console.warn(`M-Pesa prompt for payment ${payment.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    const message = "M-Pesa could not send the payment prompt to your phone; nothing was charged. Try again in a few minutes.";
    await getDb().$transaction((tx) =>
      settlePayment(tx, { paymentId: payment.id, outcome: "failed", reason: message, failureCode: "provider_error", now: options.now }),
    );
    throw new AppError("payment_provider_error", `${message} The payment ${payment.reference} was recorded as failed.`, {
      payment_id: payment.id,
    });
  }
  await getDb().payment.update({
    where: { id: payment.id },
    data: {
      providerRef: prompt.checkoutRequestId,
      // The simulated prompt waits for the partner; a real one is gone from the phone after a while.
      ...(options.provider.name === "daraja" ? { expiresAt: new Date(payment.createdAt.getTime() + PROMPT_LIFETIME_MS) } : {}),
    },
  });
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

/**
 * Safaricom's STK push result, as posted to our CallBackURL. Fields beyond these are kept
 * (the body is stored as it came); ResultCode arrives as a number, or as digits.
 */
export const mpesaCallbackBody = z.looseObject({
  Body: z.looseObject({
    stkCallback: z.looseObject({
      MerchantRequestID: z.string().max(100).describe("Safaricom's id of the request"),
      CheckoutRequestID: z.string().min(1).max(100).describe("The prompt's id, as answered to the STK push request"),
      ResultCode: z
        .union([z.number().int(), z.string().regex(/^\d{1,10}$/)])
        .describe("0: paid; 1032: cancelled; 1037: phone unreachable; 1019: expired; 1: insufficient funds; 2001: wrong PIN; 1001: busy"),
      ResultDesc: z.string().max(500),
      CallbackMetadata: z
        .looseObject({ Item: z.array(z.looseObject({ Name: z.string().max(100), Value: callbackValue })).max(20) })
        .optional()
        .describe("On success: Amount, MpesaReceiptNumber, TransactionDate and PhoneNumber"),
    }),
  }),
});

export type StkResult = z.output<typeof mpesaCallbackBody>["Body"]["stkCallback"];

export const MPESA_ACCEPTED = { ResultCode: 0, ResultDesc: "Accepted" } as const;

/**
 * Where a result comes from: Safaricom's callback; our own STK Query (an authenticated answer
 * from Daraja, without amount or phone); or the sandbox's simulated phone.
 */
export type StkResultSource = "safaricom" | "query" | "sandbox";

/**
 * Applies a provider's result to the payment its CheckoutRequestID names, once: the id is
 * recorded (with the raw payload) in the same transaction as the effect, so a repeated
 * callback changes nothing. A success for another amount or another phone fails the payment
 * with the discrepancy as its reason (failure_code mismatch), for someone to reconcile: it
 * must not complete a payment it did not cover. A confirmed success is never overwritten.
 * Returns null when no M-Pesa payment has that id.
 */
export async function applyStkResult(options: {
  result: StkResult;
  source: StkResultSource;
  /** The body as the provider sent it (kept in webhook_events.payload). */
  payload?: unknown;
  now?: Date;
}): Promise<PaymentItem | null> {
  const { result, source } = options;
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const payment = await lockMpesaPayment(tx, result.CheckoutRequestID);
    if (!payment) return null;
    if (source === "sandbox" && !payment.sandbox) throw new AppError("invalid_state", "Only sandbox payments have a simulated prompt");
    if (source !== "sandbox" && payment.sandbox) {
      console.warn(`M-Pesa result for sandbox payment ${payment.id} ignored`);
      return null;
    }
    // The query's answer is recorded apart: a callback arriving after it is still kept.
    const eventId = source === "query" ? `mpesa:stk-query:${result.CheckoutRequestID}` : `mpesa:stk:${result.CheckoutRequestID}`;
    const { count } = await tx.webhookEvent.createMany({
      data: [
        {
          id: eventId,
          provider: "mpesa",
          type: `stk_result_${result.ResultCode}`,
          payload: (options.payload ?? { Body: { stkCallback: result } }) as Prisma.InputJsonValue,
          receivedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 1 && source === "safaricom") await tx.payment.update({ where: { id: payment.id }, data: { resultReceivedAt: now } });
    if (count === 1 && payment.status !== "pending" && Number(result.ResultCode) === 0) {
      await applyLateSuccess(tx, { eventId, result, payment, source });
    }
    // A repeated result, or one for a payment already settled (a confirmed success is never overwritten).
    if (count === 0 || payment.status !== "pending") return settlePayment(tx, { paymentId: payment.id, outcome: "unchanged", now });
    const { outcome, reason, receipt, failureCode, paidMinor } = judge(result, payment, source);
    const settled = await settlePayment(tx, { paymentId: payment.id, outcome, reason, failureCode, receipt, now });
    // Money did arrive, for the wrong amount or from the wrong phone: it must not vanish with the failed payment.
    if (failureCode === "mismatch" && paidMinor != null && paidMinor > 0n) {
      await recordUnappliedMoney(tx, {
        eventId,
        reason: reason!,
        amountMinor: paidMinor,
        currency: payment.currency,
        paymentId: payment.id,
        providerReceipt: receipt,
      });
    }
    return settled;
  });
}

type LockedMpesaPayment = NonNullable<Awaited<ReturnType<typeof lockMpesaPayment>>>;

/**
 * A success for a payment already settled. After our own STK Query completed it, Safaricom's
 * callback brings the receipt number the query could not: it is filled in when its amount and
 * phone match. After the payment failed or expired the money is in the till but counted by
 * nothing, so it waits as unapplied money for someone to refund or apply it.
 */
async function applyLateSuccess(
  tx: DbTx,
  options: { eventId: string; result: StkResult; payment: LockedMpesaPayment; source: StkResultSource },
): Promise<void> {
  const { payment, result, source } = options;
  const verdict = judge(result, payment, source);
  if (payment.status === "completed") {
    if (source === "safaricom" && !payment.receipt && verdict.outcome === "completed" && verdict.receipt) {
      await tx.payment.update({ where: { id: payment.id }, data: { receipt: verdict.receipt } });
      await tx.receipt.updateMany({ where: { paymentId: payment.id, providerReceipt: null }, data: { providerReceipt: verdict.receipt } });
    }
    return;
  }
  await recordUnappliedMoney(tx, {
    eventId: options.eventId,
    reason: `M-Pesa reported payment ${payment.reference} paid after it had ${payment.status === "failed" ? "failed" : "been " + payment.status}${
      payment.failureReason ? ` (${payment.failureReason})` : ""
    }`,
    // Our own query names no amount: it answers for the prompt we sent, which was for the payment's amount.
    amountMinor: verdict.paidMinor ?? payment.amountMinor,
    currency: payment.currency,
    paymentId: payment.id,
    providerReceipt: verdict.receipt,
  });
}

async function lockMpesaPayment(tx: DbTx, checkoutRequestId: string) {
  await tx.$queryRaw`SELECT id FROM payments WHERE provider_ref = ${checkoutRequestId} AND method = 'mpesa' FOR UPDATE`;
  return tx.payment.findFirst({
    where: { providerRef: checkoutRequestId, method: "mpesa" },
    select: {
      id: true,
      reference: true,
      status: true,
      amountMinor: true,
      currency: true,
      phoneNumber: true,
      sandbox: true,
      receipt: true,
      failureReason: true,
    },
  });
}

function judge(
  result: StkResult,
  payment: { amountMinor: bigint; currency: string; phoneNumber: string | null },
  source: StkResultSource,
): { outcome: PaymentOutcome; reason?: string; receipt?: string; failureCode?: MpesaFailureCode; paidMinor?: bigint } {
  const item = (name: string) => result.CallbackMetadata?.Item.find((entry) => entry.Name === name)?.Value;
  const receiptValue = item("MpesaReceiptNumber");
  const receipt = receiptValue == null ? undefined : String(receiptValue);
  const meaning = stkResultMeaning(result.ResultCode);
  if (meaning.outcome === "failed") return { outcome: "failed", reason: meaning.message, failureCode: meaning.failureCode, receipt };
  // Our own query is answered by Daraja itself, for the prompt we sent: it names no amount or phone.
  if (source === "query") return { outcome: "completed" };
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
  const paid = Number.isFinite(paidMinor) ? BigInt(Math.round(paidMinor)) : undefined;
  if (problems.length)
    return {
      outcome: "failed",
      reason: `M-Pesa receipt ${receipt ?? "unknown"} ${problems.join(" and ")}`,
      receipt,
      failureCode: "mismatch",
      paidMinor: paid,
    };
  return { outcome: "completed", receipt, paidMinor: paid };
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
