/**
 * M-Pesa Paybill (C2B) confirmations. A partner may pay a pending payment through our Paybill,
 * quoting its reference as the account number (lib/billing/payment-instructions.ts); Safaricom
 * then posts the confirmation to the URL registered for the shortcode. Like every M-Pesa
 * callback it is unsigned: the route checks the secret path token (and the sender), and here
 * each TransID is applied once (kept with its raw body in webhook_events), the shortcode must be
 * ours, and only the payment's exact amount completes it. Anything else is kept and logged for
 * someone to reconcile, and the payment stays as it was.
 */
import { z } from "zod";
import { paybillNumber } from "../billing/payment-instructions";
import { getDb, Prisma } from "../db";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import { recordUnappliedMoney } from "./unapplied-money";
import { settlePayment } from "./complete-payment";

/** Safaricom sends these as text, but some senders write numbers; kept as sent (the raw body is stored). */
const text = (max: number) => z.union([z.string().max(max), z.number()]);

/** The confirmation body Safaricom posts for a C2B payment. */
export const paybillConfirmationBody = z.looseObject({
  TransactionType: z.string().max(50).optional().describe('"Pay Bill" for a Paybill payment'),
  TransID: z.string().min(1).max(50).describe("M-Pesa's transaction id, also the payer's receipt number"),
  TransTime: text(20).optional().describe("YYYYMMDDHHmmss, Nairobi time"),
  TransAmount: text(20).describe('Whole shillings paid, e.g. "1500" or "1500.00"'),
  BusinessShortCode: text(20).describe("The Paybill number paid"),
  BillRefNumber: z.string().max(100).describe("The account number the payer entered: our payment reference"),
  InvoiceNumber: z.string().max(100).optional(),
  OrgAccountBalance: text(30).optional(),
  ThirdPartyTransID: z.string().max(100).optional(),
  MSISDN: text(100).optional().describe("The payer's number (Safaricom may send it masked or hashed)"),
  FirstName: z.string().max(100).optional(),
  MiddleName: z.string().max(100).optional(),
  LastName: z.string().max(100).optional(),
});
export type PaybillConfirmation = z.output<typeof paybillConfirmationBody>;

export const PAYBILL_ACCEPTED = { ResultCode: 0, ResultDesc: "Accepted" } as const;

export type PaybillOutcome = "completed" | "duplicate" | "unmatched" | "mismatch";

/** Queues a confirmation for its job, or applies it now when no queue runs in this process. */
export async function receivePaybillConfirmation(body: unknown): Promise<void> {
  const queued = await enqueue(null, QUEUES.mpesaPaybillConfirmation, { body });
  if (!queued) await applyPaybillConfirmation({ body, now: new Date() });
}

/**
 * Our reference (MP_20261202_A1B2C3) from the account number as a payer may type it: any
 * case, with spaces, or without the underscores. Null when it cannot be one of ours.
 */
export function paybillReference(accountNumber: string): string | null {
  const compact = accountNumber.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  const match = /^([A-Z]{2})(\d{8})([A-Z0-9]{6})$/.exec(compact);
  return match ? `${match[1]}_${match[2]}_${match[3]}` : null;
}

export async function applyPaybillConfirmation(options: { body: unknown; now: Date }): Promise<PaybillOutcome> {
  const parsed = paybillConfirmationBody.safeParse(options.body);
  if (!parsed.success) return "unmatched";
  const confirmation = parsed.data;
  const { now } = options;
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.createMany({
      data: [
        {
          id: `mpesa:c2b:${confirmation.TransID}`,
          provider: "mpesa",
          type: "c2b_confirmation",
          payload: options.body as Prisma.InputJsonValue,
          receivedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return "duplicate";
    const reference = paybillReference(confirmation.BillRefNumber);
    if (reference) await tx.$queryRaw`SELECT id FROM payments WHERE reference = ${reference} FOR UPDATE`;
    const payment = reference
      ? await tx.payment.findUnique({ where: { reference }, select: { id: true, status: true, amountMinor: true, currency: true } })
      : null;
    const paidMinor = Math.round(Number(String(confirmation.TransAmount).trim() || NaN) * 100);
    const expectedShortcode = paybillNumber();
    const problem = !payment
      ? `names no payment (account number "${confirmation.BillRefNumber}")`
      : payment.status !== "pending"
        ? `is for payment ${payment.id}, which is already ${payment.status}`
        : expectedShortcode && String(confirmation.BusinessShortCode).trim() !== expectedShortcode
          ? `was paid to shortcode ${confirmation.BusinessShortCode}, not ours`
          : payment.currency !== "KES" || !Number.isFinite(paidMinor) || BigInt(paidMinor) !== payment.amountMinor
            ? `is for KES ${confirmation.TransAmount}, not ${payment.currency} ${Number(payment.amountMinor) / 100}`
            : null;
    if (problem) {
      await recordUnappliedMoney(tx, {
        eventId: `mpesa:c2b:${confirmation.TransID}`,
        reason: `M-Pesa Paybill payment ${confirmation.TransID} ${problem}`,
        amountMinor: Number.isFinite(paidMinor) && paidMinor > 0 ? BigInt(paidMinor) : 0n,
        currency: "KES",
        paymentId: payment?.id,
        providerReceipt: String(confirmation.TransID),
      });
      return payment && payment.status === "pending" ? "mismatch" : "unmatched";
    }
    await settlePayment(tx, { paymentId: payment!.id, outcome: "completed", receipt: confirmation.TransID, now });
    return "completed";
  });
}
