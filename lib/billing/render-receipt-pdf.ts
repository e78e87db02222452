/**
 * GET /partner/payments/receipts/{id}/pdf: one of the partner's receipts as a PDF: the
 * amount in figures and words, how and when it was paid, the provider's receipt, and
 * what it paid (the invoice and its lines).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { dataTable, documentDefinition, keyValueTable, note, paragraph, renderPdf, title, type Content } from "../documents";
import { findOrNotFound } from "../find-or-not-found";
import { labelFor } from "../humanize";
import { partnerOf } from "../sponsorship/partner-of";
import { amountInWords } from "./amount-in-words";
import { isoDay, money, partiesBlock } from "./document-parts";
import { snapshotOr } from "./party-details";

export async function renderReceiptPdf(options: { actor: Actor; receiptId: string }): Promise<{ filename: string; content: Buffer }> {
  const partnerId = partnerOf(options.actor, "read");
  const receipt = await findOrNotFound("Receipt", options.receiptId, (id) =>
    getDb().receipt.findFirst({
      where: { id, partnerId },
      include: {
        payment: {
          select: {
            reference: true,
            bankReference: true,
            completedAt: true,
            sandbox: true,
            invoice: { select: { invoiceNumber: true, amountMinor: true, currency: true, lines: { orderBy: { position: "asc" } } } },
          },
        },
      },
    }),
  );
  const issuer = snapshotOr(receipt.issuerDetails, null);
  const payer = snapshotOr(receipt.payerDetails, null);
  const { payment } = receipt;
  const rows: Array<[string, string]> = [
    ["Receipt number", receipt.receiptNumber],
    ["Issued", isoDay(receipt.issuedAt)],
    ["Payment received", isoDay(payment.completedAt ?? receipt.issuedAt)],
    ["Amount", money(receipt.amountMinor, receipt.currency)],
    ["Amount in words", amountInWords(receipt.amountMinor, receipt.currency)],
    ["Method", labelFor(receipt.method)],
    ["Provider receipt", receipt.providerReceipt ?? "-"],
    ["Payment reference", payment.reference],
  ];
  if (payment.bankReference && payment.bankReference !== receipt.providerReceipt) rows.push(["Your bank reference", payment.bankReference]);
  if (payment.invoice) rows.push(["Invoice paid", payment.invoice.invoiceNumber]);

  const content: Content[] = [title("RECEIPT", `${issuer?.legal_name ?? issuer?.name ?? "Harambee"} - ${receipt.receiptNumber}`)];
  if (payment.sandbox)
    content.push(paragraph([{ text: "SANDBOX: this receipt is for a sandbox payment. No real money moved.", bold: true }]));
  content.push(partiesBlock(issuer, payer, "Received from"), keyValueTable(rows, { labelWidth: 130 }));
  if (payment.invoice?.lines.length) {
    content.push(
      dataTable(
        [
          { header: "#", width: 6 },
          { header: "What it paid", width: 64 },
          { header: "Amount", width: 30, align: "right" },
        ],
        payment.invoice.lines.map((line) => [String(line.position), line.description, money(line.amountMinor, line.currency)]),
        { totalRow: ["", "Total", money(payment.invoice.amountMinor, payment.invoice.currency)], fontSize: 10 },
      ),
    );
  }
  content.push(note("Thank you for supporting learners across Kenya."));

  const definition = documentDefinition({
    title: `Receipt ${receipt.receiptNumber}`,
    createdAt: receipt.issuedAt,
    service: "receipt",
    footer: `${issuer?.name ?? "Harambee"} receipt ${receipt.receiptNumber}${payment.sandbox ? " (sandbox)" : ""}`,
    runningHeader: `Receipt ${receipt.receiptNumber}`,
    content,
  });
  return { filename: `${receipt.receiptNumber}.pdf`, content: await renderPdf(definition) };
}
