"use server";

import { z } from "zod";
import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { cancelStandingOrder } from "@/lib/standing-orders/cancel-standing-order";
import { createStandingOrder } from "@/lib/standing-orders/create-standing-order";
import { pauseStandingOrder } from "@/lib/standing-orders/pause-standing-order";
import { resumeStandingOrder } from "@/lib/standing-orders/resume-standing-order";
import { createStandingOrderBody } from "@/lib/standing-orders/schemas";

/** Sets up a standing order with the same schema and service as POST /partner/standing-orders. */
export async function createStandingOrderAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(createStandingOrderBody, input, async (body) => ({ id: (await createStandingOrder({ actor, body })).id }), {
    actor,
    action: "standing-order.create",
  });
}

const CHANGES = { pause: pauseStandingOrder, resume: resumeStandingOrder, cancel: cancelStandingOrder } as const;
export type StandingOrderChange = keyof typeof CHANGES;

/** Pauses, resumes or cancels one of the partner's standing orders, as POST /partner/standing-orders/{id}/{change} does. */
export async function changeStandingOrderAction(standingOrderId: string, change: StandingOrderChange) {
  const actor = await requirePageActor(["partner"]);
  return runAction(
    z.object({ change: z.enum(["pause", "resume", "cancel"]) }),
    { change },
    async (body) => ({ status: (await CHANGES[body.change]({ actor, standingOrderId })).status }),
    // The change comes from the browser: only a known one names the action.
    { actor, action: Object.hasOwn(CHANGES, change) ? `standing-order.${change}` : "standing-order.change", target: { standingOrderId } },
  );
}
