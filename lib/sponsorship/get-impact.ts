import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { computeImpact, type ImpactFigures } from "./compute-impact";
import { addMonths, windowOf, type Period } from "./metrics";
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

/** The same instant `months` months earlier (clamped to the month's last day). */
function monthsBefore(date: Date, months: number): Date {
  const month = addMonths(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)), -months);
  const lastDay = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      month.getUTCFullYear(),
      month.getUTCMonth(),
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/**
 * The same figures over the period before the named one, for "change against the previous
 * period": the same span three (quarter) or twelve (year) months earlier, to the same day
 * and hour, so a window that ends today is compared with one of exactly its length.
 * All time has no period before it: null.
 */
export async function getPreviousImpact(options: GetImpactOptions): Promise<(ImpactFigures & { period: Period }) | null> {
  if (options.period === "all_time") return null;
  const partnerId = partnerOf(options.actor, "read");
  return cachedMetric(`impact-previous:${partnerId}:${options.period}`, partnerId, async () => {
    const window = await partnerWindow(partnerId, options.period, new Date());
    const months = options.period === "quarter" ? 3 : 12;
    const previous = windowOf(monthsBefore(window.from, months), monthsBefore(window.until, months));
    return { period: options.period, ...(await computeImpact({ partnerId, window: previous })) };
  });
}
