/**
 * GET /partner/payments/invoices/{id}/pdf: one of the partner's invoices as a PDF, with
 * both parties' details as they were at issue, its lines, and (while it is due) how to
 * pay it quoting the payment's reference.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { dataTable, documentDefinition, heading, keyValueTable, note, paragraph, renderPdf, title, type Content } from "../documents";
import { findOrNotFound } from "../find-or-not-found";
import { partnerOf } from "../sponsorship/partner-of";
import { isoDay, money, partiesBlock } from "./document-parts";
import { PARTY_SELECT, snapshotOr } from "./party-details";
import { paymentInstructions } from "./payment-instructions";

/** PAID, VOID, OVERDUE or DUE: what the invoice asks of the partner on `today`. */
export function invoiceStatusLabel(status: string, dueDate: Date, today: Date): string {
  if (status === "paid") return "PAID";
  if (status === "void") return "VOID";
  if (status === "draft") return "DRAFT";
  if (status === "overdue" || dueDate.getTime() < today.getTime()) return "OVERDUE";
  return "DUE";
}

export async function renderInvoicePdf(options: { actor: Actor; invoiceId: string }): Promise<{ filename: string; content: Buffer }> {
  const partnerId = partnerOf(options.actor, "read");
  const invoice = await findOrNotFound("Invoice", options.invoiceId, (id) =>
    getDb().invoice.findFirst({
      where: { id, partnerId },
      include: {
        partner: { select: PARTY_SELECT },
        issuer: { select: PARTY_SELECT },
        program: { select: { name: true } },
        lines: { orderBy: { position: "asc" } },
        payment: { select: { reference: true, method: true, status: true, completedAt: true, sandbox: true } },
      },
    }),
  );
  const issuer = snapshotOr(
    invoice.issuerDetails,
    invoice.issuer ?? (await getDb().organization.findFirst({ where: { issuesDocuments: true }, select: PARTY_SELECT })),
  );
  const payer = snapshotOr(invoice.payerDetails, invoice.partner);
  const sandbox = invoice.payment?.sandbox ?? false;
  const status = invoiceStatusLabel(invoice.status, invoice.dueDate, new Date(`${isoDay(new Date())}T00:00:00Z`));
  const due = invoice.status !== "paid" && invoice.status !== "void";

  const rows: Array<[string, string]> = [
    ["Invoice number", invoice.invoiceNumber],
    ["Issue date", isoDay(invoice.issuedDate)],
    ["Due date", isoDay(invoice.dueDate)],
    ["Status", status],
  ];
  if (invoice.paidDate) rows.push(["Paid on", isoDay(invoice.paidDate)]);
  if (invoice.voidedAt) rows.push(["Voided on", isoDay(invoice.voidedAt)]);
  if (invoice.voidReason) rows.push(["Reason voided", invoice.voidReason]);
  if (invoice.program) rows.push(["Program", invoice.program.name]);
  if (invoice.payment)
    rows.push([
      "Payment reference",
      `${invoice.payment.reference} (${invoice.payment.method.replace("_", " ")}, ${invoice.payment.status})`,
    ]);

  // Invoices issued before lines were kept have one line: the invoice itself.
  const lines = invoice.lines.length
    ? invoice.lines.map((line) => [String(line.position), line.description, money(line.amountMinor, line.currency)])
    : [["1", invoice.description ?? "Education sponsorship funding", money(invoice.amountMinor, invoice.currency)]];

  const content: Content[] = [title("INVOICE", `${issuer?.legal_name ?? issuer?.name ?? "Harambee"} - ${invoice.invoiceNumber}`)];
  if (sandbox) content.push(paragraph([{ text: "SANDBOX: this invoice is for a sandbox payment. No real money moves.", bold: true }]));
  content.push(
    partiesBlock(issuer, payer),
    keyValueTable(rows),
    dataTable(
      [
        { header: "#", width: 6 },
        { header: "Description", width: 64 },
        { header: "Amount", width: 30, align: "right" },
      ],
      lines,
      { totalRow: ["", "Total", money(invoice.amountMinor, invoice.currency)], fontSize: 10 },
    ),
    keyValueTable([["Total due", money(due ? invoice.amountMinor : 0n, invoice.currency)]]),
  );
  if (due) content.push(...instructions(invoice.payment?.reference ?? invoice.invoiceNumber));
  else if (invoice.status === "paid") content.push(note("Paid in full. Thank you for supporting learners across Kenya."));
  else content.push(note("This invoice is void: nothing is owed on it."));

  // The creation date comes from the invoice, so the same invoice always renders the same bytes.
  const definition = documentDefinition({
    title: `Invoice ${invoice.invoiceNumber}`,
    createdAt: invoice.createdAt,
    service: "invoice",
    footer: `${issuer?.name ?? "Harambee"} invoice ${invoice.invoiceNumber}${sandbox ? " (sandbox)" : ""}`,
    runningHeader: `Invoice ${invoice.invoiceNumber}`,
    content,
  });
  return { filename: `${invoice.invoiceNumber}.pdf`, content: await renderPdf(definition) };
}

/** How to pay: bank transfer and Paybill quoting the exact reference, or an M-Pesa prompt from the payments page. */
function instructions(reference: string): Content[] {
  const { bank, paybill, reference_to_quote } = paymentInstructions(reference);
  const blocks: Content[] = [
    heading("How to pay"),
    paragraph([{ text: "Quote this reference with your payment: " }, { text: reference_to_quote, bold: true }]),
  ];
  if (bank) {
    const rows: Array<[string, string]> = [
      ["Bank", bank.bank_name],
      ["Account name", bank.account_name],
      ["Account number", bank.account_number],
    ];
    if (bank.branch) rows.push(["Branch", bank.branch]);
    if (bank.swift_code) rows.push(["SWIFT code", bank.swift_code]);
    rows.push(["Reference", reference_to_quote]);
    blocks.push(paragraph([{ text: "Bank transfer", bold: true }]), keyValueTable(rows));
    if (bank.sandbox) blocks.push(note("Sandbox bank details for demonstration: do not send money to this account."));
  }
  if (paybill) {
    blocks.push(
      paragraph([{ text: "M-Pesa Paybill", bold: true }]),
      keyValueTable([
        ["Business number", paybill.business_number],
        ["Account number", paybill.account_number],
      ]),
    );
  }
  blocks.push(
    note("M-Pesa: you can also pay from your payments page; a payment request is sent to your phone to approve with your M-Pesa PIN."),
  );
  return blocks;
}
