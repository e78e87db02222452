/** The actor's partnerships, newest first, with deliverable progress counted in the database. */
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { requireParticipant } from "./access";
import { toMajor } from "../money";
import type { ListPartnershipsQuery, PartnershipListItem } from "./schemas/partnerships";
import { partyName, partySelect } from "./proposal-view";

export interface ListPartnershipsOptions {
  actor: Actor;
  query: ListPartnershipsQuery;
}

export async function listPartnerships(options: ListPartnershipsOptions): Promise<{
  partnerships: PartnershipListItem[];
  pagination: { total: number; pages: number; current: number; limit: number };
}> {
  const { actor, query } = options;
  requireParticipant(actor);
  const where: Prisma.PartnershipWhereInput = {
    ...(query.role === "creator"
      ? { creatorId: actor.partyId }
      : query.role === "brand"
        ? { brandId: actor.partyId }
        : { OR: [{ creatorId: actor.partyId }, { brandId: actor.partyId }] }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.partnership.count({ where }),
    db.partnership.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: {
        creator: { select: partySelect },
        brand: { select: partySelect },
        campaign: { select: { name: true } },
        contract: { select: { status: true } },
        _count: { select: { deliverables: true } },
      },
    }),
  ]);
  // Approved deliverables of the whole page in one grouped count.
  const approved = rows.length
    ? await db.deliverable.groupBy({
        by: ["partnershipId"],
        where: { partnershipId: { in: rows.map((r) => r.id) }, status: "approved" },
        _count: { _all: true },
      })
    : [];
  const completed = new Map(approved.map((a) => [a.partnershipId, a._count._all]));
  return {
    partnerships: rows.map((p) => ({
      id: p.id,
      status: p.status,
      creatorId: p.creatorId,
      creatorName: partyName(p.creator),
      brandId: p.brandId,
      brandName: partyName(p.brand),
      campaignId: p.campaignId,
      campaignName: p.campaign?.name ?? null,
      contractStatus: p.contract?.status ?? null,
      compensation: { amount: toMajor(p.amountMinor), currency: p.currency },
      startDate: p.startDate.toISOString(),
      endDate: p.endDate.toISOString(),
      deliverablesCount: p._count.deliverables,
      deliverablesCompleted: completed.get(p.id) ?? 0,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    pagination: { total, pages: Math.ceil(total / query.limit), current: query.page, limit: query.limit },
  };
}
