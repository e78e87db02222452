/**
 * Renders a partnership contract as a PDF. The input is plain data (no database types)
 * so the same renderer serves the API, background jobs and the demo seed. For the same
 * input the bytes are identical: the creation date comes from the input and only the
 * built-in PDF fonts are used, so the stored sha256 can be checked later.
 */
import { humanize } from "../humanize";
import PDFDocument from "pdfkit";

export interface ContractParty {
  /** The person acting for the party. */
  name: string;
  email?: string | null;
  /** Brand: the company; creator: the public handle. */
  organization?: string | null;
  handle?: string | null;
}

export interface ContractDeliverable {
  type: string;
  description: string;
  dueDate: Date | string;
  requirements?: string | null;
}

export interface ContractPayment {
  /** "initial", "milestone" or "final". */
  type: string;
  amountMinor: bigint | number;
  currency?: string | null;
  dueDate?: Date | string | null;
  description?: string | null;
}

export interface ContractTerms {
  contentRights?: string | null;
  exclusivity?: string | null;
  revisions?: string | null;
  additionalTerms?: string | null;
}

export interface ContractSignatureBlock {
  role: "creator" | "brand";
  name: string;
  signedAt: Date | string;
  ipAddress?: string | null;
}

export interface ContractDocumentInput {
  partnershipId: string;
  contractId?: string | null;
  /** Used as the PDF creation date and printed as the generation date. */
  generatedAt: Date | string;
  brand: ContractParty;
  creator: ContractParty;
  campaign?: { name: string; description?: string | null } | null;
  deliverables: ContractDeliverable[];
  compensation: { amountMinor: bigint | number; currency: string; paymentSchedule?: string | null };
  payments: ContractPayment[];
  timeline: { startDate: Date | string; endDate: Date | string };
  terms: ContractTerms;
  /** Signatures already given; blocks without one are left blank to sign. */
  signatures?: ContractSignatureBlock[];
}

const MARGIN = 56;
const COLORS = { text: "#1f2937", muted: "#6b7280", rule: "#d1d5db", accent: "#0f766e", header: "#f3f4f6" };

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid date: ${String(value)}`);
  return date;
}

function formatDate(value: Date | string): string {
  const d = toDate(value);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function formatDateTime(value: Date | string): string {
  const d = toDate(value);
  return `${formatDate(d)}, ${d.toISOString().slice(11, 16)} UTC`;
}

/** Minor units to a display amount, using the currency's own number of decimals. */
export function formatMoney(amountMinor: bigint | number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  const minor = BigInt(amountMinor);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${code} ${whole}${fraction}`;
}

/** The built-in fonts only cover WinAnsi; replace what they cannot draw. */
function printable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2192/g, "->")
    .replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2022\u20ac\n]/g, "?");
}

interface Column {
  header: string;
  width: number;
  align?: "left" | "right";
}

class ContractWriter {
  private readonly width: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 20;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle: string): void {
    const { doc } = this;
    doc.font("Helvetica-Bold").fontSize(20).fillColor(COLORS.accent).text(printable(text), MARGIN, MARGIN, { width: this.width });
    doc.moveDown(0.2).font("Helvetica").fontSize(10).fillColor(COLORS.muted).text(printable(subtitle), { width: this.width });
    doc.moveDown(0.6);
    this.rule();
  }

  rule(): void {
    const { doc } = this;
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + this.width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.moveDown(0.6);
  }

  /** `keepWith`: room needed below the heading so it is not left alone at a page end. */
  section(number: number, heading: string, keepWith = 40): void {
    this.ensureSpace(20 + keepWith);
    const { doc } = this;
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(12).fillColor(COLORS.accent);
    doc.text(`${number}. ${printable(heading)}`, MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(COLORS.text);
  }

  paragraph(text: string): void {
    const { doc } = this;
    const body = printable(text);
    this.ensureSpace(doc.font("Helvetica").fontSize(10).heightOfString(body, { width: this.width }) + 4);
    doc.fillColor(COLORS.text).text(body, MARGIN, doc.y, { width: this.width, align: "left" });
    doc.moveDown(0.4);
  }

  /** Label/value lines with the labels in a fixed column. */
  fields(rows: Array<[string, string]>): void {
    const { doc } = this;
    const labelWidth = 130;
    for (const [label, value] of rows) {
      const text = printable(value);
      const height = Math.max(doc.font("Helvetica").fontSize(10).heightOfString(text, { width: this.width - labelWidth }), 12);
      this.ensureSpace(height + 4);
      const y = doc.y;
      doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.muted).text(printable(label), MARGIN, y, { width: labelWidth - 8 });
      doc.font("Helvetica").fillColor(COLORS.text).text(text, MARGIN + labelWidth, y, { width: this.width - labelWidth });
      doc.y = y + height + 4;
    }
    doc.x = MARGIN;
    doc.moveDown(0.2);
  }

  table(columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const drawRow = (cells: string[], header: boolean): void => {
      doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(9);
      const texts = cells.map(printable);
      const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i]! - pad * 2 }))) + pad * 2;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        if (!header) drawRow(columns.map((c) => c.header), true);
        doc.font("Helvetica").fontSize(9);
      }
      const y = doc.y;
      if (header) doc.rect(MARGIN, y, this.width, height).fillColor(COLORS.header).fill();
      let x = MARGIN;
      texts.forEach((t, i) => {
        doc.fillColor(header ? COLORS.text : COLORS.text).text(t, x + pad, y + pad, { width: widths[i]! - pad * 2, align: columns[i]!.align ?? "left" });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.6);
  }

  signatureBlocks(blocks: Array<{ heading: string; name: string; signature?: ContractSignatureBlock }>): void {
    const { doc } = this;
    this.ensureSpace(130);
    const gap = 24;
    const blockWidth = (this.width - gap) / 2;
    const top = doc.y + 8;
    blocks.forEach((block, i) => {
      const x = MARGIN + i * (blockWidth + gap);
      doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.muted).text(printable(block.heading), x, top, { width: blockWidth });
      const lineY = top + 52;
      if (block.signature) {
        doc.font("Helvetica-Oblique").fontSize(14).fillColor(COLORS.text).text(printable(block.signature.name), x, lineY - 20, { width: blockWidth });
      }
      doc.moveTo(x, lineY).lineTo(x + blockWidth, lineY).lineWidth(0.75).strokeColor(COLORS.text).stroke();
      doc.font("Helvetica").fontSize(9).fillColor(COLORS.text).text(printable(`Name: ${block.name}`), x, lineY + 6, { width: blockWidth });
      const signed = block.signature
        ? `Signed electronically on ${formatDateTime(block.signature.signedAt)}${block.signature.ipAddress ? ` from ${block.signature.ipAddress}` : ""}`
        : "Date: ______________________";
      doc.fillColor(COLORS.muted).text(printable(signed), x, lineY + 20, { width: blockWidth });
    });
    doc.x = MARGIN;
    doc.y = top + 110;
  }

  footers(partnershipId: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN + 10;
      // Writing below the bottom margin must not start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, bottom: 0 };
      doc.font("Helvetica").fontSize(8).fillColor(COLORS.muted);
      doc.text(`Partnership ${partnershipId}`, MARGIN, y, { width: this.width / 2, lineBreak: false });
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + this.width / 2, y, { width: this.width / 2, align: "right", lineBreak: false });
      doc.page.margins = margins;
    }
  }
}

export async function renderContractDocument(input: ContractDocumentInput): Promise<Buffer> {
  const generatedAt = toDate(input.generatedAt);
  const brandLabel = input.brand.organization ? `${input.brand.organization} (represented by ${input.brand.name})` : input.brand.name;
  const creatorLabel = input.creator.handle ? `${input.creator.name} (@${input.creator.handle.replace(/^@/, "")})` : input.creator.name;

  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: true,
    info: {
      Title: `Partnership Agreement ${input.partnershipId}`,
      Author: "Harambee",
      Subject: `Content partnership between ${input.brand.organization ?? input.brand.name} and ${input.creator.name}`,
      Creator: "Harambee",
      Producer: "Harambee contract service",
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = new ContractWriter(doc);
  w.title("Content Partnership Agreement", `Generated ${formatDateTime(generatedAt)}${input.contractId ? ` - Contract ${input.contractId}` : ""}`);

  let n = 1;
  w.section(n++, "Parties");
  w.paragraph(`This agreement is made between the brand and the creator named below for the partnership identified as ${input.partnershipId}.`);
  w.fields([
    ["Brand", brandLabel],
    ...(input.brand.email ? ([["Brand contact", input.brand.email]] as Array<[string, string]>) : []),
    ["Creator", creatorLabel],
    ...(input.creator.email ? ([["Creator contact", input.creator.email]] as Array<[string, string]>) : []),
    ["Partnership ID", input.partnershipId],
    ...(input.contractId ? ([["Contract ID", input.contractId]] as Array<[string, string]>) : []),
  ]);

  w.section(n++, "Campaign");
  if (input.campaign) {
    w.fields([["Campaign", input.campaign.name]]);
    if (input.campaign.description) w.paragraph(input.campaign.description);
  } else {
    w.paragraph("This partnership is not part of a named campaign.");
  }

  w.section(n++, "Deliverables");
  w.paragraph("The creator will produce and publish the following content. Each item is due by the date shown and must meet its requirements.");
  w.table(
    [
      { header: "#", width: 4 },
      { header: "Type", width: 14 },
      { header: "Description", width: 32 },
      { header: "Due date", width: 14 },
      { header: "Requirements", width: 36 },
    ],
    input.deliverables.map((d, i) => [String(i + 1), humanize(d.type), d.description, formatDate(d.dueDate), d.requirements ?? "-"]),
  );

  w.section(n++, "Compensation");
  w.fields([
    ["Total fee", formatMoney(input.compensation.amountMinor, input.compensation.currency)],
    ["Payment terms", input.compensation.paymentSchedule ?? "As per the schedule below"],
  ]);
  w.paragraph("Payments are collected from the brand into escrow and released to the creator once the linked deliverables are approved.");

  w.section(n++, "Payment schedule");
  w.table(
    [
      { header: "#", width: 4 },
      { header: "Payment", width: 16 },
      { header: "Description", width: 40 },
      { header: "Amount", width: 20, align: "right" },
      { header: "Due date", width: 20 },
    ],
    input.payments.map((p, i) => [
      String(i + 1),
      humanize(p.type),
      p.description ?? "-",
      formatMoney(p.amountMinor, p.currency ?? input.compensation.currency),
      p.dueDate ? formatDate(p.dueDate) : "On approval",
    ]),
  );

  w.section(n++, "Timeline");
  w.fields([
    ["Start date", formatDate(input.timeline.startDate)],
    ["End date", formatDate(input.timeline.endDate)],
  ]);

  w.section(n++, "Terms");
  w.fields([
    ["Content rights", input.terms.contentRights ?? "Not specified"],
    ["Exclusivity", input.terms.exclusivity ?? "None"],
    ["Revisions", input.terms.revisions ?? "Not specified"],
    ["Additional terms", input.terms.additionalTerms ?? "None"],
  ]);
  w.paragraph(
    "Either party may terminate this agreement in writing if the other materially breaches it and does not remedy the breach within seven (7) days. Funds held in escrow for deliverables not yet approved are returned to the brand on termination.",
  );

  w.section(n++, "Signatures", 170);
  w.paragraph("By signing, each party agrees to the terms above. Electronic signatures are binding.");
  const signatureFor = (role: "creator" | "brand") => input.signatures?.find((s) => s.role === role);
  w.signatureBlocks([
    { heading: `For the brand: ${input.brand.organization ?? input.brand.name}`, name: input.brand.name, signature: signatureFor("brand") },
    { heading: "The creator", name: input.creator.name, signature: signatureFor("creator") },
  ]);

  w.footers(input.partnershipId);
  doc.end();
  return done;
}
