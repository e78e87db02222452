/**
 * What an M-Pesa STK result code means for the payment, in words a payer understands. Safaricom's
 * own ResultDesc is kept with the raw result (webhook_events); the partner sees these.
 */

/** Why an M-Pesa payment failed, as stored in payments.failure_code. */
export const MPESA_FAILURE_CODES = [
  "cancelled",
  "unreachable",
  "expired",
  "insufficient_funds",
  "wrong_pin",
  "busy",
  "mismatch",
  "provider_error",
] as const;
export type MpesaFailureCode = (typeof MPESA_FAILURE_CODES)[number];

export type StkResultMeaning = { outcome: "completed" } | { outcome: "failed"; failureCode: MpesaFailureCode; message: string };

const FAILURES: Record<number, { failureCode: MpesaFailureCode; message: string }> = {
  1032: { failureCode: "cancelled", message: "You cancelled the M-Pesa prompt." },
  1037: {
    failureCode: "unreachable",
    message: "The phone could not be reached (it may be off or out of network coverage); try again.",
  },
  1019: { failureCode: "expired", message: "The M-Pesa prompt expired before it was answered; try again." },
  1: { failureCode: "insufficient_funds", message: "The M-Pesa balance was too low for this payment." },
  2001: { failureCode: "wrong_pin", message: "The M-Pesa PIN entered was wrong; try again." },
  1001: {
    failureCode: "busy",
    message: "Another M-Pesa transaction was in progress on this phone; wait a minute and try again.",
  },
};

const PROVIDER_ERROR = {
  failureCode: "provider_error",
  message: "M-Pesa could not process the payment; nothing was charged. Try again later.",
} as const;

/** Text shown for a payment that expired with no answer from M-Pesa. */
export const EXPIRED_MESSAGE = "The M-Pesa prompt was not answered in time; nothing was charged. Try again.";

export function stkResultMeaning(resultCode: number | string): StkResultMeaning {
  const code = Number(resultCode);
  if (code === 0 && String(resultCode).trim() !== "") return { outcome: "completed" };
  const known = Number.isInteger(code) ? FAILURES[code] : undefined;
  return { outcome: "failed", ...(known ?? PROVIDER_ERROR) };
}
