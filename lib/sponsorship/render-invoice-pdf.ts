/** GET /partner/payments/invoices/{id}/pdf: one of the partner's invoices as a PDF. */
import PDFDocument from "pdfkit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { toMajor } from "../money";
import { isUuid } from "../ids";
import { partnerOf } from "./partner-of";

const MARGIN = 56;
const COLORS = { text: "#1f2937", muted: "#6b7280", rule: "#d1d5db", accent: "#0f766e" };

/** The built-in PDF fonts only cover WinAnsi; replace what they cannot draw. */
const printable = (text: string) => text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[^\x20-\x7e\xa0-\xff\n]/g, "?");

const money = (minor: bigint, currency: string) =>
  `${currency} ${toMajor(minor).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function renderInvoicePdf(options: { actor: Actor; invoiceId: string }): Promise<{ filename: string; content: Buffer }> {
  const partnerId = partnerOf(options.actor);
  if (!isUuid(options.invoiceId)) throw notFound("Invoice");
  const invoice = await getDb().invoice.findFirst({
    where: { id: options.invoiceId, partnerId },
    include: {
      partner: { select: { name: true, country: true } },
      program: { select: { name: true } },
      payment: { select: { reference: true, method: true, status: true, completedAt: true } },
    },
  });
  if (!invoice) throw notFound("Invoice");

  // The creation date comes from the invoice, so the same invoice always renders the same bytes.
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: true,
    info: {
      Title: `Invoice ${invoice.invoiceNumber}`,
      Author: "Harambee",
      Creator: "Harambee",
      Producer: "Harambee invoice service",
      CreationDate: invoice.createdAt,
      ModDate: invoice.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font("Helvetica-Bold").fontSize(22).fillColor(COLORS.accent).text("INVOICE", MARGIN, MARGIN, { width });
  doc.font("Helvetica").fontSize(10).fillColor(COLORS.muted).text(printable(`Harambee education partnerships - ${invoice.invoiceNumber}`), { width });
  doc.moveDown(0.6);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.moveDown(0.8);

  const rows: Array<[string, string]> = [
    ["Invoice number", invoice.invoiceNumber],
    ["Billed to", `${invoice.partner.name} (${invoice.partner.country})`],
    ["Status", invoice.status.toUpperCase()],
    ["Issued", day(invoice.issuedDate)],
    ["Due", day(invoice.dueDate)],
  ];
  if (invoice.paidDate) rows.push(["Paid", day(invoice.paidDate)]);
  if (invoice.program) rows.push(["Program", invoice.program.name]);
  if (invoice.payment) rows.push(["Payment reference", `${invoice.payment.reference} (${invoice.payment.method.replace("_", " ")}, ${invoice.payment.status})`]);
  const labelWidth = 130;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.muted).text(printable(label), MARGIN, y, { width: labelWidth - 8 });
    doc.font("Helvetica").fillColor(COLORS.text).text(printable(value), MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.moveDown(0.3);
  }

  doc.moveDown(1);
  const tableY = doc.y;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.text).text("Description", MARGIN, tableY, { width: width - 150 });
  doc.text("Amount", MARGIN + width - 150, tableY, { width: 150, align: "right" });
  doc.moveDown(0.3);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.moveDown(0.3);
  const lineY = doc.y;
  doc.font("Helvetica").text(printable(invoice.description ?? "Education sponsorship funding"), MARGIN, lineY, { width: width - 160 });
  const afterDescription = doc.y;
  doc.text(money(invoice.amountMinor, invoice.currency), MARGIN + width - 150, lineY, { width: 150, align: "right" });
  doc.y = Math.max(afterDescription, doc.y);
  doc.moveDown(0.5);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.moveDown(0.3);
  const totalY = doc.y;
  doc.font("Helvetica-Bold").text("Total due", MARGIN, totalY, { width: width - 150 });
  doc.text(invoice.status === "paid" ? money(0n, invoice.currency) : money(invoice.amountMinor, invoice.currency), MARGIN + width - 150, totalY, {
    width: 150,
    align: "right",
  });
  doc.moveDown(2);
  doc.font("Helvetica").fontSize(9).fillColor(COLORS.muted).text("Thank you for supporting learners across Kenya through Harambee.", MARGIN, doc.y, { width });
  doc.end();

  return { filename: `${invoice.invoiceNumber}.pdf`, content: await done };
}
