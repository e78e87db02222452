"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { createSponsorships } from "@/lib/sponsorship/create-sponsorships";
import { createSponsorshipsBody } from "@/lib/sponsorship/schemas/sponsorships";

/** Creates sponsorships with the same schema and service as POST /partner/sponsorships. */
export async function createSponsorshipsAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(createSponsorshipsBody, input, (body) => createSponsorships({ actor, ...body }), {
    actor,
    action: "sponsorship.create",
  });
}
