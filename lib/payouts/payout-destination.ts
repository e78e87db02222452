/** Where a creator's payouts go, from their profile. */
import type { DbTx } from "../db";
import type { PayoutMethod } from "../generated/prisma/enums";

export interface PayoutDestination {
  method: PayoutMethod;
  /** The Stripe connected account, or the M-Pesa number as 2547XXXXXXXX. */
  destination: string;
}

export function destinationOf(profile: {
  payoutMethod: PayoutMethod | null;
  stripeAccountId: string | null;
  mpesaPhone: string | null;
}): PayoutDestination | null {
  if (profile.payoutMethod === "mpesa")
    return profile.mpesaPhone ? { method: "mpesa", destination: profile.mpesaPhone.replace(/^\+/, "") } : null;
  // A creator who connected a Stripe account before choosing a method is paid there.
  if (profile.payoutMethod === "stripe" || (!profile.payoutMethod && profile.stripeAccountId))
    return profile.stripeAccountId ? { method: "stripe", destination: profile.stripeAccountId } : null;
  return null;
}

export async function payoutDestinationOf(tx: DbTx, creatorId: string): Promise<PayoutDestination | null> {
  const profile = await tx.creatorProfile.findUnique({
    where: { userId: creatorId },
    select: { payoutMethod: true, stripeAccountId: true, mpesaPhone: true },
  });
  return profile ? destinationOf(profile) : null;
}
