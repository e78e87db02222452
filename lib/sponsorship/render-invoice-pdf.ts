/** GET /partner/payments/invoices/{id}/pdf: one of the partner's invoices as a PDF. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { dataTable, documentDefinition, keyValueTable, note, renderPdf, title } from "../documents";
import { formatMoney } from "../format";
import { toMajor } from "../money";
import { findOrNotFound } from "../find-or-not-found";
import { partnerOf } from "./partner-of";

const money = (minor: bigint, currency: string) => formatMoney(toMajor(minor), currency);

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function renderInvoicePdf(options: { actor: Actor; invoiceId: string }): Promise<{ filename: string; content: Buffer }> {
  const partnerId = partnerOf(options.actor);
  const invoice = await findOrNotFound("Invoice", options.invoiceId, (id) =>
    getDb().invoice.findFirst({
      where: { id, partnerId },
      include: {
        partner: { select: { name: true, country: true } },
        program: { select: { name: true } },
        payment: { select: { reference: true, method: true, status: true, completedAt: true } },
      },
    }),
  );

  const rows: Array<[string, string]> = [
    ["Invoice number", invoice.invoiceNumber],
    ["Billed to", `${invoice.partner.name} (${invoice.partner.country})`],
    ["Status", invoice.status.toUpperCase()],
    ["Issued", day(invoice.issuedDate)],
    ["Due", day(invoice.dueDate)],
  ];
  if (invoice.paidDate) rows.push(["Paid", day(invoice.paidDate)]);
  if (invoice.program) rows.push(["Program", invoice.program.name]);
  if (invoice.payment)
    rows.push([
      "Payment reference",
      `${invoice.payment.reference} (${invoice.payment.method.replace("_", " ")}, ${invoice.payment.status})`,
    ]);

  const totalDue = invoice.status === "paid" ? 0n : invoice.amountMinor;
  // The creation date comes from the invoice, so the same invoice always renders the same bytes.
  const definition = documentDefinition({
    title: `Invoice ${invoice.invoiceNumber}`,
    createdAt: invoice.createdAt,
    service: "invoice",
    footer: `Harambee invoice ${invoice.invoiceNumber}`,
    runningHeader: `Invoice ${invoice.invoiceNumber}`,
    content: [
      title("INVOICE", `Harambee education partnerships - ${invoice.invoiceNumber}`),
      keyValueTable(rows),
      dataTable(
        [
          { header: "Description", width: 70 },
          { header: "Amount", width: 30, align: "right" },
        ],
        [[invoice.description ?? "Education sponsorship funding", money(invoice.amountMinor, invoice.currency)]],
        { totalRow: ["Total due", money(totalDue, invoice.currency)], fontSize: 10 },
      ),
      note("Thank you for supporting learners across Kenya through Harambee."),
    ],
  });
  return { filename: `${invoice.invoiceNumber}.pdf`, content: await renderPdf(definition) };
}
