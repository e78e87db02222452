"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { setPayoutMethod } from "@/lib/payouts/payout-method";
import { payoutMethodBody } from "@/lib/payouts/schemas/payout-method";

/** Saves how the creator is paid, with the same schema and service as PUT /api/partnerships/payout-method. */
export async function setPayoutMethodAction(input: unknown) {
  const actor = await requirePageActor(["creator"]);
  return runAction(payoutMethodBody, input, async (body) => void (await setPayoutMethod({ actor, ...body })), {
    actor,
    action: "payout-method.set",
    successMessage: "Payout method saved. Money already released to you is sent this way.",
  });
}
