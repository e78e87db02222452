/** The partnership contract, generated once as a PDF by either party of an active partnership and sent to both for signature. */
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { partnershipForParty, requireActivePartnership } from "./access";
import { renderContractDocument, type ContractTerms } from "./contract-document";
import type { ContractSummary } from "./schemas/contracts";
import { summaryView } from "./contract-view";
import { logActivity } from "./log-activity";

export interface GenerateContractOptions {
  actor: Actor;
  partnershipId: string;
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
  };
}

export async function generateContract(options: GenerateContractOptions): Promise<ContractSummary> {
  const { actor, partnershipId } = options;
  try {
    return await getDb().$transaction(async (tx) => {
      // The partnership lock makes a concurrent second generate wait and then see the first.
      const { partnership } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
      requireActivePartnership(partnership.status);
      const existing = await tx.contract.findUnique({ where: { partnershipId }, select: { id: true } });
      if (existing) throw new AppError("invalid_state", "Contract already exists", { contractId: existing.id });

      const id = randomUUID();
      const generatedAt = new Date();
      const document = await renderContractDocument(await documentInput(tx, partnershipId, id, generatedAt));
      const documentSha256 = createHash("sha256").update(document).digest("hex");
      const contract = await tx.contract.create({
        data: {
          id,
          partnershipId,
          status: "sent",
          document: new Uint8Array(document),
          documentSha256,
          createdAt: generatedAt,
          updatedAt: generatedAt,
        },
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
