/**
 * Raises the invoice for a payment (or a standing order's due date) inside the caller's
 * transaction, so an invoice exists exactly when what it bills does. It is numbered in
 * the issuer's series for the payer (next-document-number.ts), carries both parties'
 * details as they are now, and one line per thing it pays for; the lines add up to the
 * invoice amount exactly.
 */
import type { DbTx } from "../db";
import { humanize } from "../humanize";
import { nextDocumentNumber } from "./next-document-number";
import { getIssuer, PARTY_SELECT, partyDetails } from "./party-details";

const INVOICE_DUE_DAYS = 14;
const DAY_MS = 86_400_000;

export const UNALLOCATED_LINE = "Unallocated / general funding";

export interface RaiseInvoiceOptions {
  partnerId: string;
  paymentId: string | null;
  programId: string | null;
  sponsorshipIds: string[];
  amountMinor: bigint;
  currency: string;
  description: string | null;
  now: Date;
  /** Days until the invoice is due (14 unless given). */
  dueDays?: number;
}

export interface InvoiceLineDraft {
  description: string;
  sponsorshipId: string | null;
  programId: string | null;
  amountMinor: bigint;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function raiseInvoice(tx: DbTx, options: RaiseInvoiceOptions): Promise<{ id: string; invoiceNumber: string }> {
  const today = new Date(`${day(options.now)}T00:00:00Z`);
  const [issuer, payer] = await Promise.all([
    getIssuer(tx),
    tx.organization.findUniqueOrThrow({ where: { id: options.partnerId }, select: PARTY_SELECT }),
  ]);
  const lines = await invoiceLines(tx, options);
  const invoiceNumber = await nextDocumentNumber(tx, {
    issuerId: issuer.id,
    payerId: payer.id,
    payerCode: payer.accountCode,
    kind: "invoice",
    year: today.getUTCFullYear(),
  });
  return tx.invoice.create({
    data: {
      partnerId: options.partnerId,
      paymentId: options.paymentId,
      programId: options.programId,
      issuerId: issuer.id,
      issuerDetails: { ...partyDetails(issuer) },
      payerDetails: { ...partyDetails(payer) },
      invoiceNumber,
      amountMinor: options.amountMinor,
      currency: options.currency,
      status: "sent",
      description: options.description,
      issuedDate: today,
      dueDate: new Date(today.getTime() + (options.dueDays ?? INVOICE_DUE_DAYS) * DAY_MS),
      lines: {
        createMany: {
          data: lines.map((line, i) => ({ ...line, position: i + 1, currency: options.currency })),
        },
      },
    },
    select: { id: true, invoiceNumber: true },
  });
}

/**
 * What the payment puts toward each sponsorship, in the order completion allocates it
 * (start date, then id): what the sponsorship still needs, capped by what is left of the
 * payment. Only sponsorships in the invoice's currency take a share here (another
 * currency needs the rate recorded at settlement). The rest goes to the program, or to
 * general funding.
 */
export async function invoiceLines(tx: DbTx, options: RaiseInvoiceOptions): Promise<InvoiceLineDraft[]> {
  const ids = [...new Set(options.sponsorshipIds)];
  const [sponsorships, received, program] = await Promise.all([
    ids.length
      ? tx.sponsorship.findMany({
          where: { id: { in: ids }, status: { not: "cancelled" } },
          select: {
            id: true,
            type: true,
            amountMinor: true,
            currency: true,
            startDate: true,
            endDate: true,
            programId: true,
            student: { select: { firstName: true, lastName: true } },
          },
        })
      : [],
    ids.length
      ? tx.disbursement.groupBy({ by: ["sponsorshipId"], where: { sponsorshipId: { in: ids } }, _sum: { amountMinor: true } })
      : [],
    options.programId ? tx.program.findUnique({ where: { id: options.programId }, select: { id: true, name: true } }) : null,
  ]);
  const receivedSoFar = new Map(received.map((row) => [row.sponsorshipId, row._sum.amountMinor ?? 0n]));
  sponsorships.sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.id.localeCompare(b.id));

  const lines: InvoiceLineDraft[] = [];
  let left = options.amountMinor;
  for (const s of sponsorships) {
    if (left <= 0n || s.currency !== options.currency) continue;
    const need = s.amountMinor - (receivedSoFar.get(s.id) ?? 0n);
    const give = need < left ? need : left;
    if (give <= 0n) continue;
    left -= give;
    lines.push({
      description: `${humanize(s.type)} for ${s.student.firstName} ${s.student.lastName}, ${day(s.startDate)} to ${day(s.endDate)}`,
      sponsorshipId: s.id,
      programId: s.programId,
      amountMinor: give,
    });
  }
  if (left > 0n || lines.length === 0) {
    lines.push(
      program
        ? { description: `Program funding: ${program.name}`, sponsorshipId: null, programId: program.id, amountMinor: left }
        : { description: UNALLOCATED_LINE, sponsorshipId: null, programId: null, amountMinor: left },
    );
  }
  return lines;
}
