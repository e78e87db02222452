/**
 * Approves submitted deliverables whose review window ran out without the brand's review. Run by
 * the queue: each submission's own job at its deadline, and a sweep every minute that catches any
 * job lost or not queued. Both end here and the checks are made again under the partnership's lock,
 * so running it twice, or at the moment the brand approves or asks for changes, applies once.
 * Not approved: a paused review (reviewPausedAt), an open dispute on the deliverable, a partnership
 * that is no longer active.
 */
import { getDb, type DbTx } from "../db";
import { applyDeliverableApproval } from "./approve-deliverable";
import { reviewWindowDays } from "./review-deadline";

export interface AutoApproveDeliverableOptions {
  deliverableId: string;
  /** The queue's clock: deadlines at or before it have passed. */
  now: Date;
}

async function overdueIds(tx: DbTx, now: Date, deliverableId?: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT d.id::text AS id
      FROM deliverables d
      JOIN partnerships p ON p.id = d.partnership_id
     WHERE d.status = 'submitted'
       AND p.status = 'active'
       AND d.review_deadline_at <= ${now}
       AND d.review_paused_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM disputes x WHERE x.deliverable_id = d.id AND x.status = 'open')
       AND (${deliverableId ?? null}::uuid IS NULL OR d.id = ${deliverableId ?? null}::uuid)
     ORDER BY d.review_deadline_at, d.id`;
  return rows.map((row) => row.id);
}

/** Approves one deliverable if its review window has passed; true when this call approved it. */
export async function autoApproveDeliverable(options: AutoApproveDeliverableOptions): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    // The same lock the parties' own actions take (actOnDeliverable), so they cannot interleave.
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT p.id::text AS id FROM partnerships p JOIN deliverables d ON d.partnership_id = p.id
       WHERE d.id = ${options.deliverableId}::uuid FOR UPDATE OF p`;
    if (!locked) return false;
    const [id] = await overdueIds(tx, options.now, options.deliverableId);
    if (!id) return false;
    const deliverable = await tx.deliverable.findUniqueOrThrow({ where: { id } });
    const days = await reviewWindowDays(tx, deliverable.partnershipId);
    await applyDeliverableApproval(tx, { deliverable, at: options.now, by: { kind: "review_window", days } });
    return true;
  });
}

/** Approves every deliverable whose review window has passed; returns how many this call approved. */
export async function autoApproveOverdueDeliverables(options: { now: Date }): Promise<number> {
  const ids = await overdueIds(getDb(), options.now);
  let approved = 0;
  for (const deliverableId of ids) {
    if (await autoApproveDeliverable({ deliverableId, now: options.now })) approved += 1;
  }
  return approved;
}
