/** GET /partner/payments: the partner's payment history with a filter-independent summary. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { likePattern } from "../db/like";
import type { Payment } from "../generated/prisma/client";
import { labelFor } from "../humanize";
import { toMajor } from "../money";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import { PAYMENT_METHODS, type listPaymentsQuery, type listPaymentsResponse, type paymentItem } from "./schemas/payments";

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
  /** The page's search box (not part of the API). */
  q?: string;
}

/**
 * The payments that pass the filters. `q`, in any case: our reference, the partner's bank
 * reference, the provider's reference or receipt, the description, the method as the page
 * names it, or the name of a student a sponsorship it pays for belongs to.
 */
function whereOf(partnerId: string, query: Query, q: string | undefined): Prisma.Sql {
  const conditions = [Prisma.sql`p.partner_id = ${partnerId}::uuid`];
  if (query.status) conditions.push(Prisma.sql`p.status = ${query.status}::"PaymentStatus"`);
  if (query.method) conditions.push(Prisma.sql`p.method = ${query.method}::"PaymentMethod"`);
  // start_date and end_date are whole UTC days, both included.
  if (query.start_date) conditions.push(Prisma.sql`p.created_at >= ${query.start_date}`);
  if (query.end_date) conditions.push(Prisma.sql`p.created_at < ${new Date(query.end_date.getTime() + DAY_MS)}`);
  if (q) {
    const pattern = likePattern(q);
    const needle = q.toLowerCase();
    const methods = PAYMENT_METHODS.filter(
      (method) => labelFor(method).toLowerCase().includes(needle) || method.replace(/_/g, " ").includes(needle),
    );
    const byMethod = methods.length
      ? Prisma.sql` OR p.method IN (${Prisma.join(methods.map((method) => Prisma.sql`${method}::"PaymentMethod"`))})`
      : Prisma.empty;
    conditions.push(Prisma.sql`(p.reference ILIKE ${pattern} OR p.bank_reference ILIKE ${pattern} OR p.provider_ref ILIKE ${pattern}
      OR p.receipt ILIKE ${pattern} OR p.description ILIKE ${pattern}${byMethod}
      OR EXISTS (SELECT 1 FROM payment_sponsorships ps JOIN sponsorships s ON s.id = ps.sponsorship_id JOIN students st ON st.id = s.student_id
                  WHERE ps.payment_id = p.id AND (st.first_name || ' ' || st.last_name) ILIKE ${pattern}))`);
  }
  return Prisma.join(conditions, " AND ");
}

export async function listPartnerPayments(options: ListPartnerPaymentsOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const now = options.now ?? new Date();
  const db = getDb();
  const where = whereOf(partnerId, query, options.q);
  const { skip, take } = pageWindow(query);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const nextMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

  const [[{ total }], page, summary] = await Promise.all([
    db.$queryRaw<[{ total: number }]>`SELECT COUNT(*)::int AS total FROM payments p WHERE ${where}`,
    db.$queryRaw<Array<{ id: string }>>`
      SELECT p.id::text AS id FROM payments p WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${take} OFFSET ${skip}`,
    // Paid in, in the reporting currency (as everywhere); sums as text, exact at any size.
    db.$queryRaw<Array<{ total_paid: string; this_month: string; pending: string }>>`
      SELECT
        COALESCE(SUM(p.reporting_amount_minor) FILTER (WHERE p.status = 'completed' AND p.reporting_currency = o.reporting_currency), 0)::text AS total_paid,
        COALESCE(SUM(p.reporting_amount_minor) FILTER (WHERE p.status = 'completed' AND p.reporting_currency = o.reporting_currency
                                                         AND p.completed_at >= ${monthStart}::timestamptz AND p.completed_at < ${nextMonthStart}::timestamptz), 0)::text AS this_month,
        COALESCE(SUM(p.amount_minor) FILTER (WHERE p.status = 'pending' AND p.currency = o.reporting_currency), 0)::text AS pending
      FROM payments p JOIN organizations o ON o.id = p.partner_id WHERE p.partner_id = ${partnerId}::uuid`,
  ]);

  const ids = page.map((row) => row.id);
  const found = ids.length
    ? await db.payment.findMany({ where: { id: { in: ids } }, include: { sponsorships: { select: { sponsorshipId: true } } } })
    : [];
  const byId = new Map(found.map((payment) => [payment.id, payment]));

  return {
    payments: ids.flatMap((id) => {
      const payment = byId.get(id);
      return payment ? [toPaymentItem(payment)] : [];
    }),
    ...pageInfo(query, total),
    summary: {
      total_paid: toMajor(BigInt(summary[0]?.total_paid ?? 0)),
      this_month: toMajor(BigInt(summary[0]?.this_month ?? 0)),
      pending: toMajor(BigInt(summary[0]?.pending ?? 0)),
    },
  };
}
