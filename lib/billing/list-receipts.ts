/**
 * GET /partner/payments/receipts: the partner's receipts, newest first. A completed
 * payment without a receipt (completed before receipts were issued) gets one here, the
 * first time the partner asks.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { pageInfo, pageWindow } from "../sponsorship/pagination";
import { partnerOf } from "../sponsorship/partner-of";
import { issueMissingReceipts } from "./issue-receipt";
import type { listReceiptsQuery, listReceiptsResponse } from "./schemas/receipts";

export interface ListReceiptsOptions {
  actor: Actor;
  query: z.output<typeof listReceiptsQuery>;
  now?: Date;
}

type Response = z.infer<typeof listReceiptsResponse>;

export const receiptPdfUrl = (receiptId: string) => `/api/v1/partner/payments/receipts/${receiptId}/pdf`;

export async function listReceipts(options: ListReceiptsOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  await issueMissingReceipts(partnerId, options.now);
  const db = getDb();
  const where = { partnerId };
  const [total, receipts] = await Promise.all([
    db.receipt.count({ where }),
    db.receipt.findMany({
      where,
      include: { payment: { select: { reference: true, sandbox: true, invoice: { select: { invoiceNumber: true } } } } },
      orderBy: [{ issuedAt: "desc" }, { receiptNumber: "desc" }],
      ...pageWindow(options.query),
    }),
  ]);
  return {
    receipts: receipts.map((receipt) => ({
      id: receipt.id,
      receipt_number: receipt.receiptNumber,
      payment_id: receipt.paymentId,
      payment_reference: receipt.payment.reference,
      invoice_number: receipt.payment.invoice?.invoiceNumber ?? null,
      amount: toMajor(receipt.amountMinor),
      currency: receipt.currency,
      method: receipt.method,
      provider_receipt: receipt.providerReceipt,
      sandbox: receipt.payment.sandbox,
      issued_at: receipt.issuedAt.toISOString(),
      download_url: receiptPdfUrl(receipt.id),
    })),
    ...pageInfo(options.query, total),
  };
}
