/** GET /partner/payments: the partner's payment history with a filter-independent summary. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import type { Payment } from "../generated/prisma/client";
import { toMajor } from "../money";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { listPaymentsQuery, listPaymentsResponse, paymentItem } from "./schemas/payments";

type Query = z.output<typeof listPaymentsQuery>;
type Response = z.infer<typeof listPaymentsResponse>;
export type PaymentItem = z.infer<typeof paymentItem>;

const DAY_MS = 86_400_000;

/** The reference a partner finds their payment by: their own bank reference for a bank transfer, else ours. */
export function listedReference(payment: { method: string; reference: string; bankReference: string | null }): string {
  return payment.method === "bank_transfer" && payment.bankReference ? payment.bankReference : payment.reference;
}

/** A payment as the API shows it (also the answer of the admin verify route). */
export function toPaymentItem(payment: Payment & { sponsorships: Array<{ sponsorshipId: string }> }): PaymentItem {
  return {
    id: payment.id,
    amount: toMajor(payment.amountMinor),
    currency: payment.currency,
    method: payment.method,
    status: payment.status,
    description: payment.description,
    reference: listedReference(payment),
    payment_reference: payment.reference,
    receipt: payment.receipt,
    sandbox: payment.sandbox,
    program_id: payment.programId,
    sponsorship_ids: payment.sponsorships.map((link) => link.sponsorshipId).sort(),
    created_at: payment.createdAt.toISOString(),
    completed_at: payment.completedAt?.toISOString() ?? null,
    failure_code: payment.status === "failed" ? payment.failureCode : null,
    failure_reason: payment.status === "failed" ? payment.failureReason : null,
  };
}

export interface ListPartnerPaymentsOptions {
  actor: Actor;
  query: Query;
  now?: Date;
}

export async function listPartnerPayments(options: ListPartnerPaymentsOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const now = options.now ?? new Date();
  const db = getDb();

  // start_date and end_date are whole UTC days, both included.
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.start_date) createdAt.gte = query.start_date;
  if (query.end_date) createdAt.lt = new Date(query.end_date.getTime() + DAY_MS);
  const where: Prisma.PaymentWhereInput = {
    partnerId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.method ? { method: query.method } : {}),
    ...(query.start_date || query.end_date ? { createdAt } : {}),
  };
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const nextMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

  const [total, payments, summary] = await Promise.all([
    db.payment.count({ where }),
    db.payment.findMany({
      where,
      include: { sponsorships: { select: { sponsorshipId: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(query),
    }),
    // Paid in, in the reporting currency (as everywhere); sums as text, exact at any size.
    db.$queryRaw<Array<{ total_paid: string; this_month: string; pending: string }>>`
      SELECT
        COALESCE(SUM(p.reporting_amount_minor) FILTER (WHERE p.status = 'completed' AND p.reporting_currency = o.reporting_currency), 0)::text AS total_paid,
        COALESCE(SUM(p.reporting_amount_minor) FILTER (WHERE p.status = 'completed' AND p.reporting_currency = o.reporting_currency
                                                         AND p.completed_at >= ${monthStart}::timestamptz AND p.completed_at < ${nextMonthStart}::timestamptz), 0)::text AS this_month,
        COALESCE(SUM(p.amount_minor) FILTER (WHERE p.status = 'pending' AND p.currency = o.reporting_currency), 0)::text AS pending
      FROM payments p JOIN organizations o ON o.id = p.partner_id WHERE p.partner_id = ${partnerId}::uuid`,
  ]);

  return {
    payments: payments.map(toPaymentItem),
    ...pageInfo(query, total),
    summary: {
      total_paid: toMajor(BigInt(summary[0]?.total_paid ?? 0)),
      this_month: toMajor(BigInt(summary[0]?.this_month ?? 0)),
      pending: toMajor(BigInt(summary[0]?.pending ?? 0)),
    },
  };
}
