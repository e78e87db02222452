/**
 * How a creator is paid: a Stripe connected account (in a country Stripe Connect pays out to
 * from this platform) or M-Pesa to a Kenyan number. Only the creator reads or sets it. Choosing
 * a method sends what is owed: unpaid payouts that are not in flight move to the new method, and
 * released money that had no payout yet (no method then) gets one.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { requirePermission, type Permission } from "../organizations/permissions";
import { normalizeKenyanPhone } from "../sponsorship/kenyan-phone";
import { MPESA_PAYOUT_COUNTRIES, STRIPE_PAYOUT_COUNTRIES } from "./countries";
import { queuePayout } from "./create-payout";
import { destinationOf } from "./payout-destination";
import type { PayoutMethodBody, PayoutMethodResponse } from "./schemas/payout-method";
import { createMissingPayouts } from "./sweep-payouts";

/** The creator organisation's payout method: read by its members, set by those who handle its money. */
function requireCreator(actor: Actor, permission: Permission): void {
  if (actor.role !== "creator") throw new AppError("insufficient_permissions", "Only creators have a payout method");
  requirePermission(actor, permission);
}

const invalid = (path: string, message: string) =>
  new AppError("invalid_request", message, { fields: [{ path, message, type: "invalid" }] });

function view(profile: {
  payoutMethod: PayoutMethodResponse["method"];
  payoutCountry: string | null;
  mpesaPhone: string | null;
  stripeAccountId: string | null;
}) {
  return {
    method: profile.payoutMethod,
    country: profile.payoutCountry,
    mpesaPhone: profile.mpesaPhone,
    stripeAccountId: profile.stripeAccountId,
  };
}

export async function getPayoutMethod(options: { actor: Actor }): Promise<PayoutMethodResponse> {
  requireCreator(options.actor, "read");
  const profile = await getDb().creatorProfile.findUnique({ where: { userId: options.actor.partyId } });
  if (!profile) throw new AppError("resource_not_found", "Creator profile not found");
  return view(profile);
}

export async function setPayoutMethod(options: { actor: Actor } & PayoutMethodBody): Promise<PayoutMethodResponse> {
  requireCreator(options.actor, "finance");
  const { method, country } = options;
  let data: { payoutMethod: typeof method; payoutCountry: string; mpesaPhone?: string; stripeAccountId?: string };
  if (method === "stripe") {
    if (!STRIPE_PAYOUT_COUNTRIES.has(country)) {
      throw invalid(
        "country",
        `Stripe cannot pay out to ${country} from this platform (only the US, UK, EEA, Canada and Switzerland); ${MPESA_PAYOUT_COUNTRIES.has(country) ? "choose M-Pesa" : "choose another method"}`,
      );
    }
    if (!options.stripeAccountId) throw invalid("stripeAccountId", "A Stripe payout needs the connected account id (acct_…)");
    data = { payoutMethod: method, payoutCountry: country, stripeAccountId: options.stripeAccountId };
  } else {
    if (!MPESA_PAYOUT_COUNTRIES.has(country)) throw invalid("country", "M-Pesa pays Kenyan numbers only: the country must be KE");
    const phone = options.mpesaPhone ? normalizeKenyanPhone(options.mpesaPhone) : null;
    if (!phone) throw invalid("mpesaPhone", "Enter a Safaricom number such as 0712345678 or +254712345678");
    data = { payoutMethod: method, payoutCountry: country, mpesaPhone: phone };
  }

  const saved = await getDb().$transaction(async (tx) => {
    const profile = await tx.creatorProfile.update({ where: { userId: options.actor.partyId }, data });
    const target = destinationOf(profile);
    if (target) {
      // Payouts not yet on their way (never attempted, or failed) follow the new method.
      const movable = await tx.payout.findMany({
        where: { creatorId: options.actor.partyId, OR: [{ status: "failed" }, { status: "pending", attemptRef: null }] },
        select: { id: true },
      });
      for (const { id } of movable) {
        await tx.payout.update({
          where: { id },
          data: {
            method: target.method,
            destination: target.destination,
            status: "pending",
            attempts: 0,
            attemptRef: null,
            providerRef: null,
            failureReason: null,
            failedAt: null,
          },
        });
        await queuePayout(tx, id);
      }
    }
    return profile;
  });
  await createMissingPayouts({ creatorId: options.actor.partyId });
  return view(saved);
}
