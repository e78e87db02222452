/**
 * Raises the invoice for a payment (or a standing order's due date) inside the caller's
 * transaction, so an invoice exists exactly when what it bills does.
 */
import type { DbTx } from "../db";

const INVOICE_DUE_DAYS = 14;
const DAY_MS = 86_400_000;
// Arbitrary constant naming the invoice-number allocation among advisory locks.
const INVOICE_NUMBER_LOCK = 7_242_001;

export interface RaiseInvoiceOptions {
  partnerId: string;
  paymentId: string | null;
  programId: string | null;
  sponsorshipIds: string[];
  amountMinor: bigint;
  currency: string;
  description: string | null;
  now: Date;
}

export async function raiseInvoice(tx: DbTx, options: RaiseInvoiceOptions): Promise<{ id: string; invoiceNumber: string }> {
  const today = new Date(`${options.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const year = today.getUTCFullYear();
  // Next number of the year. The advisory lock (held until commit) queues concurrent
  // creators so each sees the number before it; should another writer still take
  // the number, the unique index rejects it and the caller retries the transaction.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INVOICE_NUMBER_LOCK}::bigint)`;
  const [{ seq }] = await tx.$queryRaw<Array<{ seq: number }>>`
    SELECT COALESCE(MAX(substring(invoice_number from ${`^INV-${year}-(\\d+)$`})::int), 0)::int AS seq
    FROM invoices WHERE invoice_number ~ ${`^INV-${year}-\\d+$`}`;
  return tx.invoice.create({
    data: {
      partnerId: options.partnerId,
      paymentId: options.paymentId,
      programId: options.programId,
      invoiceNumber: `INV-${year}-${String(Number(seq) + 1).padStart(3, "0")}`,
      amountMinor: options.amountMinor,
      currency: options.currency,
      status: "sent",
      description: options.description,
      issuedDate: today,
      dueDate: new Date(today.getTime() + INVOICE_DUE_DAYS * DAY_MS),
    },
    select: { id: true, invoiceNumber: true },
  });
}
