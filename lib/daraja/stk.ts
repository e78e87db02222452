/**
 * M-Pesa Express (STK push) through Daraja: the request that prompts a payer's phone for their
 * PIN, and STK Query, which asks how an earlier prompt ended. The prompt's result arrives later
 * on CallBackURL; the query is how a result whose callback never came is found.
 */
import type { StkConfig } from "./config";
import { DarajaError, type DarajaClient } from "./client";

/** Kenya keeps East Africa Time (UTC+3) all year, with no daylight saving. */
const NAIROBI_OFFSET_MS = 3 * 3600_000;

/** Daraja's Timestamp: YYYYMMDDHHmmss in Nairobi time. */
export function darajaTimestamp(at: Date): string {
  return new Date(at.getTime() + NAIROBI_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, "");
}

/** Daraja's Password: base64 of shortcode, passkey and the request's Timestamp. */
export function stkPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`).toString("base64");
}

export function stkCallbackUrl(config: Pick<StkConfig, "callbackBaseUrl" | "callbackToken">): string {
  return `${config.callbackBaseUrl}/api/v1/payments/mpesa/callback/${encodeURIComponent(config.callbackToken)}`;
}

/** AccountReference is shown on the prompt and limited to 12 characters: letters and digits of ours, prefix and random tail kept. */
export function stkAccountReference(reference: string): string {
  const compact = reference.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  return compact.length <= 12 ? compact : `${compact.slice(0, 2)}${compact.slice(-10)}`;
}

export interface StkPushInput {
  /** Whole shillings. */
  amountKes: number;
  /** 2547XXXXXXXX or 2541XXXXXXXX. */
  phone: string;
  accountReference: string;
  description: string;
  now: Date;
}

export interface StkPushAccepted {
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResponseCode: string;
  ResponseDescription: string;
  CustomerMessage?: string;
}

/** Daraja took the request but would not prompt (a ResponseCode other than 0). */
export class StkPushRefused extends Error {
  constructor(
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "StkPushRefused";
  }
}

export async function requestStkPush(client: DarajaClient, config: StkConfig, input: StkPushInput): Promise<StkPushAccepted> {
  if (!Number.isInteger(input.amountKes) || input.amountKes < 1) throw new StkPushRefused("M-Pesa amounts are whole shillings", null);
  const timestamp = darajaTimestamp(input.now);
  const answer = await client.post<Partial<StkPushAccepted>>("/mpesa/stkpush/v1/processrequest", {
    BusinessShortCode: config.shortcode,
    Password: stkPassword(config.shortcode, config.passkey, timestamp),
    Timestamp: timestamp,
    TransactionType: config.transactionType,
    Amount: input.amountKes,
    PartyA: input.phone,
    PartyB: config.partyB,
    PhoneNumber: input.phone,
    CallBackURL: stkCallbackUrl(config),
    AccountReference: input.accountReference.slice(0, 12),
    TransactionDesc: input.description.slice(0, 13),
  });
  if (String(answer?.ResponseCode) !== "0" || !answer?.CheckoutRequestID) {
    throw new StkPushRefused(`Daraja did not send the prompt: ${answer?.ResponseDescription ?? JSON.stringify(answer)}`, answer);
  }
  return answer as StkPushAccepted;
}

/** Daraja's errorCode for a prompt it is still waiting on (the payer has not answered yet). */
export const STK_STILL_PROCESSING = "500.001.1001";

export type StkQueryAnswer =
  { state: "processing" } | { state: "final"; resultCode: number; resultDesc: string; merchantRequestId: string | null; body: unknown };

/**
 * What Daraja knows of a prompt by its CheckoutRequestID. The answer has no amount, receipt or
 * phone: only how the prompt ended.
 */
export async function queryStkStatus(
  client: DarajaClient,
  config: StkConfig,
  checkoutRequestId: string,
  now: Date,
): Promise<StkQueryAnswer> {
  const timestamp = darajaTimestamp(now);
  let answer: { ResultCode?: unknown; ResultDesc?: unknown; MerchantRequestID?: unknown; errorCode?: unknown };
  try {
    answer = await client.post("/mpesa/stkpushquery/v1/query", {
      BusinessShortCode: config.shortcode,
      Password: stkPassword(config.shortcode, config.passkey, timestamp),
      Timestamp: timestamp,
      CheckoutRequestID: checkoutRequestId,
    });
  } catch (error) {
    if (error instanceof DarajaError && (error.body as { errorCode?: unknown } | null)?.errorCode === STK_STILL_PROCESSING) {
      return { state: "processing" };
    }
    throw error;
  }
  if (answer?.errorCode === STK_STILL_PROCESSING) return { state: "processing" };
  const code = Number(answer?.ResultCode);
  if (answer?.ResultCode === undefined || answer.ResultCode === "" || !Number.isInteger(code)) return { state: "processing" };
  return {
    state: "final",
    resultCode: code,
    resultDesc: typeof answer.ResultDesc === "string" ? answer.ResultDesc : "",
    merchantRequestId: typeof answer.MerchantRequestID === "string" ? answer.MerchantRequestID : null,
    body: answer,
  };
}
