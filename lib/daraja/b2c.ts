/**
 * M-Pesa B2C (business to customer) payments through Daraja: the payment request, the
 * transaction status query, and the shape of the result Safaricom posts to ResultURL.
 * A request is only accepted for processing; the outcome arrives later on ResultURL, or
 * QueueTimeOutURL when Safaricom gave up waiting (a timeout is not a failure: the money may
 * have moved, so the status is queried before anything is sent again).
 */
import { z } from "zod";
import type { B2CConfig } from "./config";
import { DarajaError, type DarajaClient } from "./client";

export interface B2CPaymentInput {
  /** Our id for this attempt; Safaricom echoes it on the result. */
  originatorConversationId: string;
  /** Whole shillings. */
  amountKes: number;
  /** 2547XXXXXXXX. */
  phone: string;
  remarks: string;
  occasion?: string;
}

export interface B2CAccepted {
  ConversationID: string;
  OriginatorConversationID: string;
  ResponseCode: string;
  ResponseDescription: string;
}

export function callbackUrls(config: B2CConfig): { result: string; timeout: string } {
  const token = encodeURIComponent(config.callbackToken);
  return {
    result: `${config.callbackBaseUrl}/api/payouts/mpesa/result/${token}`,
    timeout: `${config.callbackBaseUrl}/api/payouts/mpesa/timeout/${token}`,
  };
}

export async function requestB2CPayment(client: DarajaClient, config: B2CConfig, input: B2CPaymentInput): Promise<B2CAccepted> {
  const urls = callbackUrls(config);
  const answer = await client.post<B2CAccepted>("/mpesa/b2c/v3/paymentrequest", {
    OriginatorConversationID: input.originatorConversationId,
    InitiatorName: config.initiatorName,
    SecurityCredential: config.securityCredential,
    CommandID: "BusinessPayment",
    Amount: input.amountKes,
    PartyA: config.shortcode,
    PartyB: input.phone,
    Remarks: input.remarks.slice(0, 100),
    QueueTimeOutURL: urls.timeout,
    ResultURL: urls.result,
    Occassion: (input.occasion ?? "").slice(0, 100),
  });
  if (String(answer.ResponseCode) !== "0" || !answer.ConversationID) {
    throw new Error(`Daraja did not accept the B2C request: ${answer.ResponseDescription ?? JSON.stringify(answer)}`);
  }
  return answer;
}

const parameterValue = z.union([z.string(), z.number()]);

/** The body Safaricom posts to ResultURL (and, in the same envelope, to QueueTimeOutURL). */
export const b2cResultBody = z.object({
  Result: z.object({
    ResultType: z.union([z.number(), z.string()]).optional(),
    ResultCode: z.union([z.number(), z.string()]),
    ResultDesc: z.string().max(1000).optional(),
    OriginatorConversationID: z.string().min(1).max(200),
    ConversationID: z.string().min(1).max(200).optional(),
    TransactionID: z.string().max(200).optional(),
    ResultParameters: z
      .object({
        ResultParameter: z.union([
          z.array(z.object({ Key: z.string(), Value: parameterValue.optional() })),
          z.object({ Key: z.string(), Value: parameterValue.optional() }),
        ]),
      })
      .optional(),
  }),
});
export type B2CResultBody = z.infer<typeof b2cResultBody>;

export interface B2COutcome {
  originatorConversationId: string;
  conversationId: string | null;
  resultCode: string;
  resultDesc: string;
  receipt: string | null;
  /** What Safaricom says it paid (TransactionAmount, whole shillings) in minor units; null when the result does not say. */
  amountMinor: bigint | null;
}

export function b2cOutcome(body: B2CResultBody): B2COutcome {
  const result = body.Result;
  const raw = result.ResultParameters?.ResultParameter;
  const parameters = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
  const receipt = parameters.find((p) => p.Key === "TransactionReceipt")?.Value ?? result.TransactionID ?? null;
  const amount = Number(parameters.find((p) => p.Key === "TransactionAmount")?.Value ?? NaN);
  return {
    originatorConversationId: result.OriginatorConversationID,
    conversationId: result.ConversationID ?? null,
    resultCode: String(result.ResultCode),
    resultDesc: result.ResultDesc ?? "",
    receipt: receipt === null || receipt === "" ? null : String(receipt),
    amountMinor: Number.isFinite(amount) ? BigInt(Math.round(amount * 100)) : null,
  };
}

/**
 * What Daraja knows of an earlier B2C request, by our OriginatorConversationID: `unknown` when
 * it never received it (safe to send again), `pending` while it is still processing or when the
 * answer will come later on the ResultURL, or the final outcome.
 */
export type B2CStatus = { state: "unknown" } | { state: "pending" } | { state: "final"; outcome: B2COutcome };

export async function queryB2CStatus(client: DarajaClient, config: B2CConfig, originatorConversationId: string): Promise<B2CStatus> {
  const urls = callbackUrls(config);
  const query = client.post<{ ResponseCode?: string; Result?: unknown; errorCode?: string }>("/mpesa/transactionstatus/v1/query", {
    Initiator: config.initiatorName,
    SecurityCredential: config.securityCredential,
    CommandID: "TransactionStatusQuery",
    OriginalConversationID: originatorConversationId,
    PartyA: config.shortcode,
    IdentifierType: "4",
    ResultURL: urls.result,
    QueueTimeOutURL: urls.timeout,
    Remarks: "Payout status",
    Occasion: "",
  });
  let answer: Awaited<typeof query>;
  try {
    answer = await query;
  } catch (error) {
    // Daraja answers 404 for an OriginatorConversationID it never received.
    if (error instanceof DarajaError && error.status === 404) return { state: "unknown" };
    throw error;
  }
  // An answer that carries the result settles it now; otherwise it arrives on ResultURL.
  const parsed = b2cResultBody.safeParse({ Result: answer.Result });
  if (!parsed.success) return { state: "pending" };
  const outcome = b2cOutcome(parsed.data);
  if (outcome.resultCode === "500.001.1001") return { state: "pending" };
  return { state: "final", outcome };
}
