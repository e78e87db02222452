/**
 * Campaigns with their spend, in one query: committed, proposed, held in escrow and released,
 * each from the campaign's partnerships and proposals in the campaign's currency. Held and
 * released are escrow-ledger balances, the same figures the partnership page shows.
 */
import { getDb, Prisma } from "../db";
import { toMajor } from "../money";
import type { CampaignSummary } from "./schemas/campaigns";

interface Row {
  id: string;
  name: string;
  description: string | null;
  status: CampaignSummary["status"];
  currency: string;
  start_date: Date | null;
  end_date: Date | null;
  budget_minor: bigint | null;
  committed: bigint;
  proposed: bigint;
  held: bigint;
  released: bigint;
  partnerships: bigint;
  other_currency: bigint;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function campaignsWithSpend(where: { brandId: string; campaignId?: string }): Promise<CampaignSummary[]> {
  const only = where.campaignId ? Prisma.sql`AND c.id = ${where.campaignId}::uuid` : Prisma.empty;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT c.id, c.name, c.description, c.status::text AS status, c.currency, c.start_date, c.end_date, c.budget_minor,
           COALESCE(s.committed, 0)::bigint AS committed, COALESCE(o.proposed, 0)::bigint AS proposed,
           COALESCE(s.held, 0)::bigint AS held, COALESCE(s.released, 0)::bigint AS released,
           COALESCE(s.partnerships, 0)::bigint AS partnerships, COALESCE(s.other_currency, 0)::bigint AS other_currency
      FROM campaigns c
      LEFT JOIN LATERAL (
        SELECT COUNT(*) FILTER (WHERE p.currency = c.currency) AS partnerships,
               COUNT(*) FILTER (WHERE p.currency <> c.currency) AS other_currency,
               SUM(CASE WHEN p.status = 'terminated' THEN l.released ELSE p.amount_minor END) FILTER (WHERE p.currency = c.currency) AS committed,
               SUM(l.held) FILTER (WHERE p.currency = c.currency) AS held,
               SUM(l.released) FILTER (WHERE p.currency = c.currency) AS released
          FROM partnerships p
          LEFT JOIN LATERAL (
            SELECT COALESCE(SUM(e.amount_minor) FILTER (WHERE e.account = 'escrow'), 0) AS held,
                   COALESCE(SUM(e.amount_minor) FILTER (WHERE e.movement = 'release' AND e.account = 'creator_payable'), 0) AS released
              FROM ledger_entries e WHERE e.partnership_id = p.id
          ) l ON true
         WHERE p.campaign_id = c.id
      ) s ON true
      LEFT JOIN LATERAL (
        SELECT SUM(pr.amount_minor) AS proposed FROM proposals pr
         WHERE pr.campaign_id = c.id AND pr.status = 'sent' AND pr.currency = c.currency
      ) o ON true
     WHERE c.brand_id = ${where.brandId}::uuid ${only}
     ORDER BY c.status = 'completed', c.start_date DESC NULLS LAST, c.created_at DESC, c.id`;
  return rows.map((r) => {
    const budget = r.budget_minor === null ? null : toMajor(r.budget_minor);
    const committed = toMajor(r.committed);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      status: r.status,
      currency: r.currency,
      startDate: day(r.start_date),
      endDate: day(r.end_date),
      spend: {
        budget,
        committed,
        proposed: toMajor(r.proposed),
        held: toMajor(r.held),
        released: toMajor(r.released),
        remaining: budget === null ? null : toMajor((r.budget_minor ?? 0n) - r.committed),
        partnerships: Number(r.partnerships),
        otherCurrencyPartnerships: Number(r.other_currency),
      },
    };
  });
}
