/**
 * The issuer's receipt for a completed payment, numbered in its receipt series for the
 * payer. Issued in the transaction that completes the payment (complete-payment.ts); a
 * payment completed before receipts existed gets its receipt the first time the partner
 * asks for its receipts (issueMissingReceipts). Idempotent: a payment has at most one
 * receipt (unique payment_id), and the payment row is locked while it is issued.
 */
import { getDb, type DbTx } from "../db";
import { nextDocumentNumber } from "./next-document-number";
import { getIssuer, PARTY_SELECT, partyDetails } from "./party-details";

export interface IssueReceiptOptions {
  paymentId: string;
  now: Date;
}

export interface IssuedReceipt {
  id: string;
  receiptNumber: string;
}

/** The payment's receipt, issued now if it has none; null for a payment that is not completed. */
export async function issueReceipt(tx: DbTx, options: IssueReceiptOptions): Promise<IssuedReceipt | null> {
  // Locks the payment: a concurrent issuer waits, then finds the receipt this one made.
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM payments WHERE id = ${options.paymentId}::uuid AND status = 'completed' FOR UPDATE`;
  if (!locked) return null;
  const existing = await tx.receipt.findUnique({ where: { paymentId: options.paymentId }, select: { id: true, receiptNumber: true } });
  if (existing) return existing;

  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: options.paymentId },
    select: {
      id: true,
      amountMinor: true,
      currency: true,
      method: true,
      receipt: true,
      bankReference: true,
      partner: { select: PARTY_SELECT },
    },
  });
  const issuer = await getIssuer(tx);
  const receiptNumber = await nextDocumentNumber(tx, {
    issuerId: issuer.id,
    payerId: payment.partner.id,
    payerCode: payment.partner.accountCode,
    kind: "receipt",
    year: options.now.getUTCFullYear(),
  });
  return tx.receipt.create({
    data: {
      issuerId: issuer.id,
      partnerId: payment.partner.id,
      paymentId: payment.id,
      receiptNumber,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      method: payment.method,
      // The provider's receipt (M-Pesa receipt number, Stripe charge); for a transfer, the bank's reference.
      providerReceipt: payment.receipt ?? (payment.method === "bank_transfer" ? payment.bankReference : null),
      issuerDetails: { ...partyDetails(issuer) },
      payerDetails: { ...partyDetails(payment.partner) },
      issuedAt: options.now,
    },
    select: { id: true, receiptNumber: true },
  });
}

/**
 * Receipts for the partner's completed payments that have none (payments completed
 * before receipts were issued), oldest payment first so their numbers follow the order
 * the money arrived in.
 */
export async function issueMissingReceipts(partnerId: string, now: Date = new Date()): Promise<void> {
  const db = getDb();
  const missing = await db.payment.findMany({
    where: { partnerId, status: "completed", receiptRecord: null },
    select: { id: true },
    orderBy: [{ completedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  if (!missing.length) return;
  await db.$transaction(
    async (tx) => {
      for (const payment of missing) await issueReceipt(tx, { paymentId: payment.id, now });
    },
    { timeout: 60_000 },
  );
}
