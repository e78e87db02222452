import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { computeImpact } from "./compute-impact";
import type { Period } from "./metrics";
import { cachedMetric } from "./metric-cache";
import { partnerOf } from "./partner-of";
import { partnerWindow } from "./partner-window";
import type { impactResponse } from "./schemas/impact";

export interface GetImpactOptions {
  actor: Actor;
  period: Period;
}

/** GET /partner/impact. */
export async function getImpact(options: GetImpactOptions): Promise<z.infer<typeof impactResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  return cachedMetric(`impact:${partnerId}:${options.period}`, partnerId, async () => {
    const window = await partnerWindow(partnerId, options.period, new Date());
    return { period: options.period, ...(await computeImpact({ partnerId, window })) };
  });
}
