/**
 * The partnership contract: generated once as a PDF by either party of an active
 * partnership, then signed once by each party. The status moves sent → signed_creator
 * or signed_brand → active through `transition`; the contract row is locked while a
 * signature is recorded so two parties signing at once always end `active`.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { AppError } from "../errors";
import { partnershipForParty, type PartyRole } from "./access";
import { logActivity } from "./activity";
import { renderContractDocument, type ContractTerms } from "./contract-document";
import type { ContractDetail, ContractSummary } from "./contract-schemas";
import { transition } from "./transitions";

export const contractDocumentUrl = (partnershipId: string) => `/api/partnerships/${partnershipId}/contract/document`;

const contractNotFound = () => new AppError("resource_not_found", "Contract not found");
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

function requireActive(status: string): void {
  if (status !== "active") throw new AppError("invalid_state", `Partnership is ${status}`, { partnershipStatus: status });
}

const signatureSelect = { role: true, userId: true, signedAt: true, ipAddress: true, user: { select: { name: true } } } as const;
const contractSelect = {
  id: true,
  partnershipId: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  signatures: { select: signatureSelect, orderBy: { signedAt: "asc" } },
} as const;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

function summaryView(contract: Omit<ContractRow, "signatures">): ContractSummary {
  return {
    id: contract.id,
    partnershipId: contract.partnershipId,
    status: contract.status,
    documentUrl: contractDocumentUrl(contract.partnershipId),
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

function detailView(contract: ContractRow): ContractDetail {
  const signedAt = (role: PartyRole) => contract.signatures.find((s) => s.role === role)?.signedAt.toISOString() ?? null;
  const { createdAt, updatedAt, ...summary } = summaryView(contract);
  return {
    ...summary,
    creatorSignedAt: signedAt("creator"),
    brandSignedAt: signedAt("brand"),
    signatories: contract.signatures.map((s) => ({
      userId: s.userId,
      name: s.user.name,
      role: s.role,
      signedAt: s.signedAt.toISOString(),
      ipAddress: s.ipAddress,
    })),
    createdAt,
    updatedAt,
  };
}

const PAYMENT_ORDER = { initial: 0, milestone: 1, final: 2 } as const;

/** Everything the document prints, read in one query. */
async function documentInput(tx: DbTx, partnershipId: string, contractId: string, generatedAt: Date) {
  const p = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
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
    contractId,
    generatedAt,
    brand: { name: p.brand.name, email: p.brand.email, organization: p.brand.brandProfile?.companyName ?? null },
    creator: { name: p.creator.name, email: p.creator.email, handle: p.creator.creatorProfile?.handle ?? null },
    campaign: p.campaign,
    deliverables: p.deliverables.map((d) => ({ type: d.type, description: d.description, dueDate: d.dueDate, requirements: d.requirements })),
    compensation: { amountMinor: p.amountMinor, currency: p.currency, paymentSchedule: p.paymentSchedule },
    payments: payments.map((x) => ({ type: x.type, amountMinor: x.amountMinor, currency: x.currency, dueDate: x.dueDate, description: x.description })),
    timeline: { startDate: p.startDate, endDate: p.endDate },
    terms: { contentRights: text("contentRights"), exclusivity: text("exclusivity"), revisions: text("revisions"), additionalTerms: text("additionalTerms") },
  };
}

export async function generateContract(options: { actor: Actor; partnershipId: string }): Promise<ContractSummary> {
  const { actor, partnershipId } = options;
  try {
    return await getDb().$transaction(async (tx) => {
      // The partnership lock makes a concurrent second generate wait and then see the first.
      const { partnership } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
      requireActive(partnership.status);
      const existing = await tx.contract.findUnique({ where: { partnershipId }, select: { id: true } });
      if (existing) throw new AppError("invalid_state", "Contract already exists", { contractId: existing.id });

      const id = randomUUID();
      const generatedAt = new Date();
      const document = await renderContractDocument(await documentInput(tx, partnershipId, id, generatedAt));
      const documentSha256 = createHash("sha256").update(document).digest("hex");
      const contract = await tx.contract.create({
        data: { id, partnershipId, status: "sent", document: new Uint8Array(document), documentSha256, createdAt: generatedAt, updatedAt: generatedAt },
        select: { id: true, partnershipId: true, status: true, createdAt: true, updatedAt: true },
      });
      await logActivity(tx, {
        partnershipId,
        userId: actor.id,
        type: "contract_generated",
        description: `${actor.name} generated the contract and sent it to both parties for signature`,
        metadata: { contractId: id, documentSha256 },
        at: generatedAt,
      });
      return summaryView(contract);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "Contract already exists");
    throw error;
  }
}

export async function getContract(options: { actor: Actor; partnershipId: string }): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  const db = getDb();
  await partnershipForParty(db, actor, partnershipId);
  const contract = await db.contract.findUnique({ where: { partnershipId }, select: contractSelect });
  if (!contract) throw contractNotFound();
  return detailView(contract);
}

/** The stored PDF, for the two parties only. */
export async function getContractDocument(options: { actor: Actor; partnershipId: string }): Promise<{ contractId: string; document: Buffer; sha256: string }> {
  const { actor, partnershipId } = options;
  const db = getDb();
  await partnershipForParty(db, actor, partnershipId);
  const contract = await db.contract.findUnique({ where: { partnershipId }, select: { id: true, document: true, documentSha256: true } });
  if (!contract) throw contractNotFound();
  return { contractId: contract.id, document: Buffer.from(contract.document), sha256: contract.documentSha256 };
}

export async function signContract(options: {
  actor: Actor;
  partnershipId: string;
  signature?: Buffer;
  ipAddress: string;
  userAgent: string | null;
}): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  try {
    return await getDb().$transaction(async (tx) => {
      const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
      requireActive(partnership.status);
      // The next status depends on who signed before; the row lock makes that read current.
      const [locked] = await tx.$queryRaw<Array<{ id: string; status: string }>>`
        SELECT id, status::text AS status FROM contracts WHERE partnership_id = ${partnershipId}::uuid FOR UPDATE`;
      if (!locked) throw contractNotFound();
      const signed = await tx.contractSignature.findMany({ where: { contractId: locked.id }, select: { role: true } });
      if (signed.some((s) => s.role === side)) {
        throw new AppError("invalid_state", `The ${side} has already signed this contract`, { contractId: locked.id, role: side });
      }
      const other = side === "creator" ? "brand" : "creator";
      const next = locked.status === `signed_${other}` ? "active" : side === "creator" ? "signed_creator" : "signed_brand";
      await transition(tx, "contract", locked.id, next, { message: `Cannot sign a contract that is ${locked.status}` });

      const signedAt = new Date();
      await tx.contractSignature.create({
        data: {
          contractId: locked.id,
          userId: actor.id,
          role: side,
          signedAt,
          ipAddress: options.ipAddress,
          userAgent: options.userAgent,
          signatureImage: options.signature ? new Uint8Array(options.signature) : null,
        },
      });
      await logActivity(tx, {
        partnershipId,
        userId: actor.id,
        type: "contract_signed",
        description: `${actor.name} signed the contract for the ${side}`,
        metadata: { contractId: locked.id, role: side },
        at: signedAt,
      });
      if (next === "active") {
        await logActivity(tx, {
          partnershipId,
          userId: actor.id,
          type: "contract_activated",
          description: "Contract signed by both parties and now active",
          metadata: { contractId: locked.id },
          at: signedAt,
        });
      }
      return detailView(await tx.contract.findUniqueOrThrow({ where: { id: locked.id }, select: contractSelect }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "This party has already signed the contract");
    throw error;
  }
}
