/**
 * The release rule: a funded escrow payment can be released to the creator only once
 * every deliverable it covers is approved. Release (release-payment.ts) enforces it, and
 * the partnership page shows it, from this one place.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { partnershipForParty } from "./access";

/** How many of the deliverables a payment covers are not approved yet. */
export interface ReleaseBlocker {
  openDeliverables: number;
  coveredDeliverables: number;
}

/** For each payment, what keeps it from being released (null: nothing), inside the caller's transaction. */
export async function releaseBlockersOf(tx: DbTx, paymentIds: string[]): Promise<Record<string, ReleaseBlocker | null>> {
  if (paymentIds.length === 0) return {};
  const links = await tx.partnershipPaymentDeliverable.findMany({
    where: { paymentId: { in: paymentIds } },
    select: { paymentId: true, deliverable: { select: { status: true } } },
  });
  return Object.fromEntries(
    paymentIds.map((id) => {
      const covered = links.filter((link) => link.paymentId === id);
      const open = covered.filter((link) => link.deliverable.status !== "approved").length;
      return [id, open > 0 ? { openDeliverables: open, coveredDeliverables: covered.length } : null];
    }),
  );
}

export interface GetReleaseBlockersOptions {
  actor: Actor;
  partnershipId: string;
}

/** What keeps each funded (in escrow) payment of the partnership from being released, for either party. */
export async function getReleaseBlockers(options: GetReleaseBlockersOptions): Promise<Record<string, ReleaseBlocker | null>> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const funded = await db.partnershipPayment.findMany({
    where: { partnershipId: options.partnershipId, status: "in_progress" },
    select: { id: true },
  });
  return releaseBlockersOf(
    db,
    funded.map((payment) => payment.id),
  );
}
