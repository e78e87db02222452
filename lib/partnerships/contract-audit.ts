/**
 * The evidence a contract carries: what its document prints (read once, when it is
 * generated, and kept so the signed document repeats the sent one exactly), the history
 * of who generated, sent and signed it from where, and the signed document itself.
 */
import { createHash } from "node:crypto";
import type { DbTx, Prisma } from "../db";
import {
  renderContractDocument,
  type ContractAuditEvent,
  type ContractDocumentInput,
  type ContractSignatureBlock,
  type ContractTerms,
} from "./contract-document";
import { CONSENT_TEXT } from "./schemas/contracts";

export const VERIFY_PATH = "POST /api/partnerships/contracts/verify";

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Where a request came from, recorded with each step of the contract. */
export interface RequestOrigin {
  ipAddress: string;
  userAgent: string | null;
}

const PAYMENT_ORDER = { initial: 0, milestone: 1, final: 2 } as const;

/** Everything the document prints, read in one query. */
export async function contractDocumentInput(
  tx: DbTx,
  options: { partnershipId: string; contractId: string; generatedAt: Date; reviewWindowDays: number },
): Promise<ContractDocumentInput> {
  const p = await tx.partnership.findUniqueOrThrow({
    where: { id: options.partnershipId },
    include: {
      brand: { select: { name: true, email: true, brandProfile: { select: { companyName: true } } } },
      creator: { select: { name: true, email: true, creatorProfile: { select: { handle: true } } } },
      campaign: { select: { name: true, description: true } },
      deliverables: { orderBy: { position: "asc" } },
      payments: { orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] },
    },
  });
  const terms = (p.terms ?? {}) as Record<string, unknown>;
  const text = (key: keyof ContractTerms) => (typeof terms[key] === "string" ? (terms[key] as string) : null);
  const payments = [...p.payments].sort((a, b) => PAYMENT_ORDER[a.type] - PAYMENT_ORDER[b.type]);
  return {
    partnershipId: p.id,
    contractId: options.contractId,
    generatedAt: options.generatedAt,
    brand: { name: p.brand.name, email: p.brand.email, organization: p.brand.brandProfile?.companyName ?? null },
    creator: { name: p.creator.name, email: p.creator.email, handle: p.creator.creatorProfile?.handle ?? null },
    campaign: p.campaign,
    deliverables: p.deliverables.map((d) => ({
      type: d.type,
      description: d.description,
      dueDate: d.dueDate,
      requirements: d.requirements,
    })),
    compensation: { amountMinor: p.amountMinor, currency: p.currency, paymentSchedule: p.paymentSchedule },
    payments: payments.map((x) => ({
      type: x.type,
      amountMinor: x.amountMinor,
      currency: x.currency,
      dueDate: x.dueDate,
      description: x.description,
    })),
    timeline: { startDate: p.startDate, endDate: p.endDate },
    terms: {
      contentRights: text("contentRights"),
      exclusivity: text("exclusivity"),
      revisions: text("revisions"),
      additionalTerms: text("additionalTerms"),
    },
    reviewWindowDays: options.reviewWindowDays,
  };
}

/** The input as JSON (dates as ISO strings, amounts as numbers), kept with the generation record. */
export function documentInputSnapshot(input: ContractDocumentInput): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(input, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value)),
  ) as Prisma.InputJsonValue;
}

interface GenerationRecord {
  documentInput?: ContractDocumentInput;
  role?: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

const roleLabel = (name: string | null | undefined, role: string | null | undefined) =>
  name ? `${name}${role ? ` (${role})` : ""}` : null;

/**
 * The signed document: the sent document's content with both signature blocks filled in,
 * and the audit certificate. Rendered from the input kept at generation, so the pages
 * before the certificate say exactly what the parties were sent.
 */
export async function renderSignedContract(tx: DbTx, contractId: string, activatedAt: Date): Promise<{ document: Buffer; sha256: string }> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      id: true,
      partnershipId: true,
      reviewWindowDays: true,
      documentSha256: true,
      createdAt: true,
      sentAt: true,
      signatures: { orderBy: { signedAt: "asc" }, include: { user: { select: { name: true } } } },
    },
  });
  const logs = await tx.activityLog.findMany({
    where: { partnershipId: contract.partnershipId, type: { in: ["contract_generated", "contract_sent"] } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    include: { user: { select: { name: true } } },
  });
  const ofContract = logs.filter((log) => (log.metadata as { contractId?: string } | null)?.contractId === contract.id);
  const generated = ofContract.find((log) => log.type === "contract_generated");
  const sent = ofContract.find((log) => log.type === "contract_sent");
  const generation = (generated?.metadata ?? {}) as GenerationRecord;
  const sending = (sent?.metadata ?? {}) as GenerationRecord;

  // Contracts made before the input was kept are read again from the partnership.
  const input =
    generation.documentInput ??
    (await contractDocumentInput(tx, {
      partnershipId: contract.partnershipId,
      contractId: contract.id,
      generatedAt: contract.createdAt,
      reviewWindowDays: contract.reviewWindowDays,
    }));

  const signed = contract.signatures.filter((s) => s.decision === "signed");
  const signatures: ContractSignatureBlock[] = signed.map((s) => ({
    role: s.role,
    name: s.fullName ?? s.user.name,
    signedAt: s.signedAt,
    ipAddress: s.ipAddress,
    userAgent: s.userAgent,
  }));
  const events: ContractAuditEvent[] = [
    {
      event: "Generated",
      at: contract.createdAt,
      by: roleLabel(generated?.user?.name, generation.role),
      ipAddress: generation.ipAddress ?? null,
      userAgent: generation.userAgent ?? null,
    },
    ...(contract.sentAt
      ? [
          {
            event: "Sent for signature",
            at: contract.sentAt,
            by: roleLabel(sent?.user?.name, sending.role),
            ipAddress: sending.ipAddress ?? null,
            userAgent: sending.userAgent ?? null,
          },
        ]
      : []),
    ...signed.map((s) => ({
      event: `Signed by the ${s.role}`,
      at: s.signedAt,
      by: `${s.fullName ?? s.user.name} (typed name; account ${s.user.name})`,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
    { event: "Activated: signed by both parties", at: activatedAt, by: null },
  ];

  const document = await renderContractDocument({
    ...input,
    signatures,
    audit: {
      contractId: contract.id,
      sentDocumentSha256: contract.documentSha256,
      consentText: signed.find((s) => s.consentText)?.consentText ?? CONSENT_TEXT,
      events,
      verifyPath: VERIFY_PATH,
    },
  });
  return { document, sha256: sha256Of(document) };
}
