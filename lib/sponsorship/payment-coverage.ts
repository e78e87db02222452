/**
 * What a new payment covers: the partner's own program and sponsorships, checked inside
 * the transaction that records the payment.
 */
import type { DbTx } from "../db";
import { notFound } from "../errors";

export async function checkPaymentCoverage(
  tx: DbTx,
  options: { partnerId: string; programId: string | null; sponsorshipIds: string[] },
): Promise<void> {
  const { partnerId, programId, sponsorshipIds } = options;
  if (programId) {
    const program = await tx.program.findFirst({ where: { id: programId, partnerId }, select: { id: true } });
    if (!program) throw notFound("Program");
  }
  if (sponsorshipIds.length) {
    const owned = await tx.sponsorship.count({ where: { id: { in: sponsorshipIds }, partnerId } });
    if (owned !== sponsorshipIds.length) throw notFound("Sponsorship");
  }
}
