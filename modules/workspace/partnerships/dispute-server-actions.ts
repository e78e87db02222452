"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { requirePageActor } from "@/lib/auth/page-guard";
import { openDispute } from "@/lib/partnerships/open-dispute";
import { openDisputeBody } from "@/lib/partnerships/schemas/disputes";
import { terminatePartnershipBody } from "@/lib/partnerships/schemas/termination";
import { terminatePartnership } from "@/lib/partnerships/terminate-partnership";
import { uuidString } from "@/lib/schemas/ids";

const partnershipPath = z.object({ partnershipId: uuidString });

/** A malformed id is refused like the API refuses an unknown one. */
function notFound(): ActionState<never> {
  return { status: "error", message: "This partnership was not found.", fieldErrors: {} };
}

export async function terminatePartnershipAction(partnershipId: string, input: unknown): Promise<ActionState> {
  const ids = partnershipPath.safeParse({ partnershipId });
  if (!ids.success) return notFound();
  const actor = await requirePageActor(["creator", "brand"]);
  return runAction(
    terminatePartnershipBody,
    input,
    (body) => terminatePartnership({ actor, partnershipId: ids.data.partnershipId, reason: body.reason }).then(() => undefined),
    { actor, action: "partnership.terminate", target: ids.data, successMessage: "The partnership has ended." },
  );
}

export async function openDisputeAction(partnershipId: string, input: unknown): Promise<ActionState> {
  const ids = partnershipPath.safeParse({ partnershipId });
  if (!ids.success) return notFound();
  const actor = await requirePageActor(["creator", "brand"]);
  return runAction(
    openDisputeBody,
    input,
    (body) => openDispute({ actor, partnershipId: ids.data.partnershipId, ...body }).then(() => undefined),
    {
      actor,
      action: "dispute.open",
      target: ids.data,
      successMessage: "Dispute opened. The platform's team will review it; the money it concerns stays in escrow until then.",
    },
  );
}
