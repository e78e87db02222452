"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/page-guard";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { resolveDispute } from "@/lib/partnerships/resolve-dispute";
import { resolveDisputeBody } from "@/lib/partnerships/schemas/disputes";
import { uuidString } from "@/lib/schemas/ids";

const disputePath = z.object({ partnershipId: uuidString, disputeId: uuidString });

/** Decides an open dispute through the same service the API's resolve endpoint calls. */
export async function resolveDisputeAction(partnershipId: string, disputeId: string, input: unknown): Promise<ActionState> {
  const ids = disputePath.safeParse({ partnershipId, disputeId });
  if (!ids.success) return { status: "error", message: "This dispute was not found.", fieldErrors: {} };
  const actor = await requirePageActor(["admin"]);
  const result = await runAction(
    resolveDisputeBody,
    input,
    async (body) => {
      const resolved = await resolveDispute({ actor, ...ids.data, ...body });
      return resolved.outcome;
    },
    { actor, action: "dispute.resolve", target: ids.data },
  );
  if (result.status !== "success") return result;
  revalidatePath("/admin/disputes");
  return { status: "success", message: `Dispute resolved (${result.result}).`, result: undefined };
}
