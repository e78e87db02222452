/**
 * A partnership is completed when every deliverable is decided (approved, or rejected by
 * a dispute's refund) and every payment released, cancelled or refunded. Called, inside
 * their transactions, by the actions that can finish it: approving a deliverable,
 * releasing or cancelling a payment, and resolving a dispute.
 */
import type { DbTx } from "../db";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";

export async function completePartnershipIfDone(
  tx: DbTx,
  options: { partnershipId: string; userId: string | null; at?: Date },
): Promise<boolean> {
  const [open] = await tx.$queryRaw<Array<{ deliverables: number; payments: number; status: string }>>`
    SELECT (SELECT COUNT(*)::int FROM deliverables WHERE partnership_id = p.id AND status NOT IN ('approved', 'rejected')) AS deliverables,
           (SELECT COUNT(*)::int FROM partnership_payments WHERE partnership_id = p.id AND status NOT IN ('completed', 'cancelled', 'refunded')) AS payments,
           p.status::text AS status
      FROM partnerships p WHERE p.id = ${options.partnershipId}::uuid`;
  if (!open || open.status !== "active" || open.deliverables > 0 || open.payments > 0) return false;
  await transition(tx, "partnership", options.partnershipId, "completed");
  const at = options.at ?? new Date();
  await tx.partnership.update({ where: { id: options.partnershipId }, data: { completedAt: at } });
  await logActivity(tx, {
    partnershipId: options.partnershipId,
    userId: options.userId,
    type: "partnership_completed",
    description: "Partnership completed: every deliverable approved and every payment released",
    at,
  });
  return true;
}
