/**
 * GET /partner/statements: the statement of account between the issuer and the partner
 * in one currency. A debit adds to what the partner owes (an invoice issued, a refund
 * paid back to them), a credit takes off (an invoice voided, a payment received); the
 * balance is positive when the partner owes, negative when they are in credit. Payments
 * count on the day they completed, in their own currency (the invoice's); refunds on the
 * day the payment was marked refunded.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { toMajor } from "../money";
import { partnerOf } from "../sponsorship/partner-of";
import { issueMissingReceipts } from "./issue-receipt";
import { getIssuer, PARTY_SELECT, partyDetails } from "./party-details";
import type { statementQuery, statementResponse, STATEMENT_LINE_TYPES } from "./schemas/statements";

export type Statement = z.infer<typeof statementResponse>["statement"];

export interface GetStatementOptions {
  actor: Actor;
  query: Pick<z.output<typeof statementQuery>, "start_date" | "end_date" | "currency">;
  now?: Date;
}

interface LineRow {
  date: string;
  type: (typeof STATEMENT_LINE_TYPES)[number];
  document_number: string | null;
  description: string;
  payment_reference: string | null;
  method: Statement["lines"][number]["method"];
  provider_receipt: string | null;
  debit: bigint | number | string;
  credit: bigint | number | string;
  balance: bigint | number | string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Every movement on the partner's account in one currency, one row each, with its day. */
function entries(partnerId: string, currency: string): Prisma.Sql {
  return Prisma.sql`
    SELECT (i.issued_date)::date AS day, i.created_at AS at, 1 AS rank, 'invoice_issued' AS type,
           i.invoice_number AS document_number,
           COALESCE(NULLIF(i.description, ''), 'Invoice ' || i.invoice_number) AS description,
           p.reference AS payment_reference, NULL::text AS method, NULL::text AS provider_receipt,
           i.amount_minor AS debit, 0::bigint AS credit
      FROM invoices i LEFT JOIN payments p ON p.id = i.payment_id
     WHERE i.partner_id = ${partnerId}::uuid AND i.currency = ${currency}
    UNION ALL
    SELECT (COALESCE(i.voided_at, i.created_at) AT TIME ZONE 'UTC')::date, COALESCE(i.voided_at, i.created_at), 2, 'invoice_voided',
           i.invoice_number,
           'Invoice ' || i.invoice_number || ' voided' || COALESCE(': ' || i.void_reason, ''),
           p.reference, NULL, NULL,
           0, i.amount_minor
      FROM invoices i LEFT JOIN payments p ON p.id = i.payment_id
     WHERE i.partner_id = ${partnerId}::uuid AND i.currency = ${currency} AND i.status = 'void'
    UNION ALL
    SELECT (p.completed_at AT TIME ZONE 'UTC')::date, p.completed_at, 3, 'payment_received',
           r.receipt_number,
           'Payment received' || COALESCE(' for invoice ' || i.invoice_number, ''),
           p.reference, p.method::text, COALESCE(r.provider_receipt, p.receipt, CASE WHEN p.method = 'bank_transfer' THEN p.bank_reference END),
           0, p.amount_minor
      FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN invoices i ON i.payment_id = p.id
     WHERE p.partner_id = ${partnerId}::uuid AND p.currency = ${currency}
       AND p.status IN ('completed', 'refunded') AND p.completed_at IS NOT NULL
    UNION ALL
    SELECT (p.updated_at AT TIME ZONE 'UTC')::date, p.updated_at, 4, 'refund',
           r.receipt_number,
           'Refund of payment ' || p.reference,
           p.reference, p.method::text, COALESCE(r.provider_receipt, p.receipt),
           p.amount_minor, 0
      FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id
     WHERE p.partner_id = ${partnerId}::uuid AND p.currency = ${currency} AND p.status = 'refunded' AND p.completed_at IS NOT NULL`;
}

export async function getStatement(options: GetStatementOptions): Promise<Statement> {
  const partnerId = partnerOf(options.actor, "read");
  const now = options.now ?? new Date();
  const db = getDb();
  const partner = await db.organization.findUniqueOrThrow({
    where: { id: partnerId },
    select: { ...PARTY_SELECT, reportingCurrency: true },
  });
  const currency = options.query.currency ?? partner.reportingCurrency.trim();
  const start = day(options.query.start_date);
  const end = day(options.query.end_date);
  // Payments completed before receipts existed get theirs now, so every payment line names its receipt.
  await issueMissingReceipts(partnerId, now);

  const movements = entries(partnerId, currency);
  const [issuer, [opening], lines] = await Promise.all([
    getIssuer(db),
    db.$queryRaw<Array<{ opening: bigint | number | string }>>`
      WITH e AS (${movements})
      SELECT COALESCE(SUM(debit - credit), 0)::bigint AS opening FROM e WHERE day < ${start}::date`,
    db.$queryRaw<LineRow[]>`
      WITH e AS (${movements}),
           opening AS (SELECT COALESCE(SUM(debit - credit), 0)::bigint AS amount FROM e WHERE day < ${start}::date)
      SELECT to_char(day, 'YYYY-MM-DD') AS date, type, document_number, description, payment_reference, method, provider_receipt,
             debit::bigint AS debit, credit::bigint AS credit,
             ((SELECT amount FROM opening) + SUM(debit - credit) OVER (ORDER BY day, at, rank, document_number ROWS UNBOUNDED PRECEDING))::bigint AS balance
        FROM e
       WHERE day BETWEEN ${start}::date AND ${end}::date
       ORDER BY day, at, rank, document_number`,
  ]);

  const openingMinor = BigInt(opening?.opening ?? 0);
  let debits = 0n;
  let credits = 0n;
  const statementLines = lines.map((row) => {
    const debit = BigInt(row.debit);
    const credit = BigInt(row.credit);
    debits += debit;
    credits += credit;
    return {
      date: row.date,
      type: row.type,
      document_number: row.document_number,
      description: row.description,
      payment_reference: row.payment_reference,
      method: row.method,
      provider_receipt: row.provider_receipt,
      debit: toMajor(debit),
      credit: toMajor(credit),
      balance: toMajor(BigInt(row.balance)),
    };
  });
  return {
    currency,
    start_date: start,
    end_date: end,
    generated_at: now.toISOString(),
    issuer: partyDetails(issuer),
    partner: partyDetails(partner),
    opening_balance: toMajor(openingMinor),
    total_debits: toMajor(debits),
    total_credits: toMajor(credits),
    closing_balance: toMajor(openingMinor + debits - credits),
    lines: statementLines,
  };
}
