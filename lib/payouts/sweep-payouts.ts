/**
 * The payout sweep (every minute): the records, not the jobs, say what is owed, so whatever a
 * lost or never-queued job left undone is found here. It creates the payout of released money
 * whose creator has since chosen a payout method, and queues every payout not paid that has no
 * attempt in flight, whose M-Pesa result is overdue, or whose retry is due.
 */
import { getDb } from "../db";
import { createPayout, queuePayout } from "./create-payout";
import { inFlightGraceMs, MPESA_RESULT_WAIT_MS } from "./process-payout";
import { MAX_PAYOUT_ATTEMPTS } from "./settle-payout";

export async function createMissingPayouts(options: { creatorId?: string } = {}): Promise<number> {
  const db = getDb();
  const owed = await db.$queryRaw<Array<{ id: string }>>`
    SELECT p.id::text AS id FROM partnership_payments p JOIN partnerships pa ON pa.id = p.partnership_id
     WHERE p.status = 'completed' AND p.amount_minor > p.refunded_minor
       AND NOT EXISTS (SELECT 1 FROM payouts o WHERE o.payment_id = p.id)
       AND (${options.creatorId ?? null}::uuid IS NULL OR pa.creator_id = ${options.creatorId ?? null}::uuid)`;
  let created = 0;
  for (const { id } of owed) {
    const made = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM partnership_payments WHERE id = ${id}::uuid FOR UPDATE`;
      if (await tx.payout.findUnique({ where: { paymentId: id }, select: { id: true } })) return false;
      const payment = await tx.partnershipPayment.findUniqueOrThrow({
        where: { id },
        include: { partnership: { select: { creatorId: true } } },
      });
      const payout = await createPayout(tx, {
        payment,
        creatorId: payment.partnership.creatorId,
        amountMinor: payment.amountMinor - payment.refundedMinor,
      });
      return payout !== null;
    });
    if (made) created += 1;
  }
  return created;
}

export async function sweepPayouts(options: { now: Date }): Promise<{ created: number; queued: number }> {
  const created = await createMissingPayouts();
  const resultOverdue = new Date(options.now.getTime() - MPESA_RESULT_WAIT_MS);
  // An attempt whose sender died between recording it and storing Daraja's answer.
  const abandoned = new Date(options.now.getTime() - inFlightGraceMs());
  const due = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM payouts
     WHERE (status = 'pending' AND (attempt_ref IS NULL OR method = 'stripe' OR requested_at <= ${resultOverdue}
                                    OR (provider_ref IS NULL AND requested_at <= ${abandoned})))
        OR (status = 'failed' AND attempts < ${MAX_PAYOUT_ATTEMPTS})
     ORDER BY created_at`;
  let queued = 0;
  for (const { id } of due) if (await queuePayout(null, id)) queued += 1;
  return { created, queued };
}
