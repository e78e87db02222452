/**
 * "Needs your action": the events told to the reader's organisation that asked it to do
 * something and are still unanswered, newest first, one per thing. An item leaves the list
 * the moment the thing moves on (the proposal is answered, the contract signed by this
 * side, the submission reviewed, the dispute resolved, the failed payment's sponsorships
 * paid or on their way), whoever in the organisation acted,
 * so the list is the same events as the notifications, read against the current state.
 */
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import type { EventType } from "./event-types";

export interface ActionItem {
  eventId: string;
  type: EventType;
  /** What the organisation is asked to do. */
  action: string;
  summary: string;
  link: string;
  createdAt: string;
}

/** The event types that ask for an answer, and the answer each asks for. */
export const ACTION_LABELS: Partial<Record<EventType, string>> = {
  "proposal.received": "Answer the proposal",
  "proposal.countered": "Answer the counter-proposal",
  "contract.sent": "Sign or reject the contract",
  "deliverable.submitted": "Review the submission",
  "dispute.opened": "Answer the dispute",
  "payment.failed": "Pay again",
};

const ACTION_TYPES = Object.keys(ACTION_LABELS) as EventType[];

export async function listActionItems(options: { actor: Actor; limit?: number }): Promise<ActionItem[]> {
  const { actor } = options;
  if (!actor.organizationId) return [];
  const limit = Math.min(options.limit ?? 20, 100);
  const rows = await getDb().$queryRaw<Array<{ id: string; type: EventType; summary: string; link: string; created_at: Date }>>(Prisma.sql`
    SELECT id, type, summary, link, created_at FROM (
      SELECT DISTINCT ON (e.subject_id) e.id, e.type, e.summary, e.link, e.created_at
        FROM events e
       WHERE e.organization_id = ${actor.organizationId}::uuid
         AND e.type IN (${Prisma.join(ACTION_TYPES)})
         AND CASE e.type
               WHEN 'deliverable.submitted' THEN EXISTS (SELECT 1 FROM deliverables d WHERE d.id = e.subject_id AND d.status = 'submitted')
               -- A failed payment stays to do while a sponsorship it was for is unpaid and no other payment is on its way.
               WHEN 'payment.failed' THEN EXISTS (
                 SELECT 1 FROM payment_sponsorships ps JOIN sponsorships s ON s.id = ps.sponsorship_id
                  WHERE ps.payment_id = e.subject_id AND s.status = 'pending'
                    AND NOT EXISTS (
                      SELECT 1 FROM payment_sponsorships other JOIN payments op ON op.id = other.payment_id
                       WHERE other.sponsorship_id = s.id AND op.status IN ('pending', 'completed')))
               WHEN 'dispute.opened' THEN EXISTS (SELECT 1 FROM disputes x WHERE x.id = e.subject_id AND x.status = 'open')
               WHEN 'contract.sent' THEN EXISTS (
                 SELECT 1 FROM contracts c
                   JOIN partnerships pt ON pt.id = c.partnership_id AND pt.status = 'active'
                   JOIN users brand ON brand.id = pt.brand_id
                  WHERE c.id = e.subject_id AND c.status IN ('sent', 'signed_creator', 'signed_brand')
                    AND NOT EXISTS (
                      SELECT 1 FROM contract_signatures cs
                       WHERE cs.contract_id = c.id
                         AND cs.role = (CASE WHEN brand.organization_id = e.organization_id THEN 'brand' ELSE 'creator' END)::"PartyRole"))
               ELSE EXISTS (SELECT 1 FROM proposals p WHERE p.id = e.subject_id AND p.status = 'sent')
             END
       ORDER BY e.subject_id, e.created_at DESC
    ) open_items
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit}`);
  return rows.map((row) => ({
    eventId: row.id,
    type: row.type,
    action: ACTION_LABELS[row.type]!,
    summary: row.summary,
    link: row.link,
    createdAt: row.created_at.toISOString(),
  }));
}
