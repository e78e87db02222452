/**
 * Renders a partnership contract as a PDF. The input is plain data (no database types)
 * so the same renderer serves the API, background jobs and the demo seed. For the same
 * input the bytes are identical: the creation date comes from the input and only the
 * built-in PDF fonts are used, so the stored sha256 can be checked later.
 *
 * Two documents come from it: the contract as sent for signature (blank signature
 * lines), and, once both parties signed, the signed contract: each signature block
 * filled in with the typed name and its evidence, followed by an audit certificate.
 */
import type { Content } from "pdfmake/interfaces";
import {
  dataTable,
  documentDefinition,
  keyValueTable,
  FONT,
  keepTogether,
  paragraph,
  renderPdf,
  SIZES,
  section,
  signatureBlocks,
  title,
  type Column,
  type Signature,
} from "../documents";
import { humanize } from "../humanize";
import { formatMoney } from "../format";
import { toMajor } from "../money";

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
  /** The full name the party typed to sign. */
  name: string;
  signedAt: Date | string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** One step of the contract's history as the audit certificate lists it. */
export interface ContractAuditEvent {
  event: string;
  at: Date | string;
  /** Who did it, e.g. "Amani Otieno (creator)"; null for the platform. */
  by: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** The last page of a signed contract. */
export interface ContractAuditCertificate {
  contractId: string;
  /** SHA-256 of the document as sent for signature. */
  sentDocumentSha256: string;
  /** The statement each party accepted by signing. */
  consentText: string;
  events: ContractAuditEvent[];
  /** Where a copy can be checked against the hashes the platform recorded. */
  verifyPath: string;
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
  /** Days the brand has to review a submission before it is approved automatically. */
  reviewWindowDays?: number | null;
  /** Signatures already given; blocks without one are left blank to sign. */
  signatures?: ContractSignatureBlock[];
  /** Given for the signed document: appended as its own last page. */
  audit?: ContractAuditCertificate | null;
}

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

/** To the second, as evidence needs it: "2027-01-15 09:30:12 UTC". */
function formatTimestamp(value: Date | string): string {
  return `${toDate(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const money = (amountMinor: bigint | number, currency: string) => formatMoney(toMajor(amountMinor), currency.toUpperCase());

function signatureFields(heading: string, name: string, signature: ContractSignatureBlock | undefined): Signature {
  if (!signature) return { heading, name, dateLine: "Date: ______________________" };
  return {
    heading,
    name: signature.name,
    signedName: signature.name,
    dateLine: [
      `Signed electronically as the ${signature.role} on ${formatTimestamp(signature.signedAt)}`,
      `IP address: ${signature.ipAddress ?? "not recorded"}`,
      `User agent: ${signature.userAgent ?? "not recorded"}`,
    ].join("\n"),
  };
}

const auditColumns: Column[] = [
  { header: "Event", width: 22 },
  { header: "Time (UTC)", width: 20 },
  { header: "By", width: 20 },
  { header: "IP address", width: 14 },
  { header: "User agent", width: 24 },
];

/** The audit certificate: what happened to the contract, when, from where, and the digest of what was signed. */
function auditCertificate(audit: ContractAuditCertificate, partnershipId: string): Content[] {
  return [
    { text: "", pageBreak: "before" },
    title("Audit certificate", `Contract ${audit.contractId}`),
    keyValueTable(
      [
        ["Contract ID", audit.contractId],
        ["Partnership ID", partnershipId],
        ["Signature method", "Typed full name with explicit consent, over an authenticated session"],
        ["Consent statement", audit.consentText],
      ],
      { fontSize: SIZES.small },
    ),
    section("Document as sent for signature", [
      paragraph("SHA-256 of the document both parties received and signed (the pages before this certificate, as sent):"),
      { text: audit.sentDocumentSha256, font: FONT, fontSize: SIZES.small, margin: [0, 0, 0, 8] },
    ]),
    section("Event timeline", [
      dataTable(
        auditColumns,
        audit.events.map((e) => [e.event, formatTimestamp(e.at), e.by ?? "Platform", e.ipAddress ?? "-", e.userAgent ?? "-"]),
        { fontSize: SIZES.denseTable },
      ),
    ]),
    section("Checking this document", [
      paragraph(
        `The SHA-256 of this signed document, certificate included, is recorded by the platform when it is issued; a document cannot contain its own hash. Anyone holding a copy can check it by sending the file, or its SHA-256, to ${audit.verifyPath}: an unchanged copy is reported as issued and signed, any altered copy as not issued.`,
      ),
    ]),
  ];
}

export async function renderContractDocument(input: ContractDocumentInput): Promise<Buffer> {
  const generatedAt = toDate(input.generatedAt);
  const brandLabel = input.brand.organization ? `${input.brand.organization} (represented by ${input.brand.name})` : input.brand.name;
  const creatorLabel = input.creator.handle ? `${input.creator.name} (@${input.creator.handle.replace(/^@/, "")})` : input.creator.name;

  const fields = (rows: Array<[string, string] | null>) => keyValueTable(rows.filter((row): row is [string, string] => row !== null));
  const signatureFor = (role: "creator" | "brand") => input.signatures?.find((s) => s.role === role);
  const deliverableColumns: Column[] = [
    { header: "#", width: 4 },
    { header: "Type", width: 14 },
    { header: "Description", width: 32 },
    { header: "Due date", width: 14 },
    { header: "Requirements", width: 36 },
  ];
  const paymentColumns: Column[] = [
    { header: "#", width: 4 },
    { header: "Payment", width: 16 },
    { header: "Description", width: 40 },
    { header: "Amount", width: 20, align: "right" },
    { header: "Due date", width: 20 },
  ];
  let n = 1;
  const numbered = (heading: string) => `${n++}. ${heading}`;

  const content: Content[] = [
    title(
      "Content Partnership Agreement",
      `Generated ${formatDateTime(generatedAt)}${input.contractId ? ` - Contract ${input.contractId}` : ""}`,
      ...(input.audit ? ["Signed electronically by both parties - audit certificate on the last page"] : []),
    ),
    section(numbered("Parties"), [
      paragraph(
        `This agreement is made between the brand and the creator named below for the partnership identified as ${input.partnershipId}.`,
      ),
      fields([
        ["Brand", brandLabel],
        input.brand.email ? ["Brand contact", input.brand.email] : null,
        ["Creator", creatorLabel],
        input.creator.email ? ["Creator contact", input.creator.email] : null,
        ["Partnership ID", input.partnershipId],
        input.contractId ? ["Contract ID", input.contractId] : null,
      ]),
    ]),
    section(
      numbered("Campaign"),
      input.campaign
        ? [fields([["Campaign", input.campaign.name]]), ...(input.campaign.description ? [paragraph(input.campaign.description)] : [])]
        : [paragraph("This partnership is not part of a named campaign.")],
    ),
    section(numbered("Deliverables"), [
      paragraph(
        "The creator will produce and publish the following content. Each item is due by the date shown and must meet its requirements.",
      ),
      dataTable(
        deliverableColumns,
        input.deliverables.map((d, i) => [String(i + 1), humanize(d.type), d.description, formatDate(d.dueDate), d.requirements ?? "-"]),
      ),
    ]),
    section(numbered("Compensation"), [
      fields([
        ["Total fee", money(input.compensation.amountMinor, input.compensation.currency)],
        ["Payment terms", input.compensation.paymentSchedule ?? "As per the schedule below"],
      ]),
      paragraph("Payments are collected from the brand into escrow and released to the creator once the linked deliverables are approved."),
    ]),
    section(numbered("Payment schedule"), [
      dataTable(
        paymentColumns,
        input.payments.map((p, i) => [
          String(i + 1),
          humanize(p.type),
          p.description ?? "-",
          money(p.amountMinor, p.currency ?? input.compensation.currency),
          p.dueDate ? formatDate(p.dueDate) : "On approval",
        ]),
      ),
    ]),
    section(numbered("Timeline"), [
      fields([
        ["Start date", formatDate(input.timeline.startDate)],
        ["End date", formatDate(input.timeline.endDate)],
      ]),
    ]),
    section(numbered("Terms"), [
      fields([
        ["Content rights", input.terms.contentRights ?? "Not specified"],
        ["Exclusivity", input.terms.exclusivity ?? "None"],
        ["Revisions", input.terms.revisions ?? "Not specified"],
        ["Additional terms", input.terms.additionalTerms ?? "None"],
        input.reviewWindowDays
          ? [
              "Review of submissions",
              `The brand reviews each submitted deliverable within ${input.reviewWindowDays} day${input.reviewWindowDays === 1 ? "" : "s"}; a submission not answered in that time is approved.`,
            ]
          : null,
      ]),
      paragraph(
        "Either party may terminate this agreement in writing if the other materially breaches it and does not remedy the breach within seven (7) days. Funds held in escrow for deliverables not yet approved are returned to the brand on termination.",
      ),
    ]),
    // One unbreakable block; a heading inside must not carry its own page-break rule, which would drop the block.
    keepTogether(
      { text: numbered("Signatures"), style: "heading" },
      paragraph("By signing, each party agrees to the terms above. Electronic signatures are binding."),
      signatureBlocks([
        signatureFields(`For the brand: ${input.brand.organization ?? input.brand.name}`, input.brand.name, signatureFor("brand")),
        signatureFields("The creator", input.creator.name, signatureFor("creator")),
      ]),
    ),
    ...(input.audit ? auditCertificate(input.audit, input.partnershipId) : []),
  ];

  return renderPdf(
    documentDefinition({
      title: `Partnership Agreement ${input.partnershipId}`,
      subject: `Content partnership between ${input.brand.organization ?? input.brand.name} and ${input.creator.name}`,
      createdAt: generatedAt,
      service: "contract",
      footer: `Partnership ${input.partnershipId}`,
      runningHeader: "Content Partnership Agreement",
      content,
    }),
  );
}
