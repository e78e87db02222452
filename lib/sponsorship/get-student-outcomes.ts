import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { computeStudentOutcomes } from "./compute-student-outcomes";
import type { Period } from "./metrics";
import { cachedMetric } from "./metric-cache";
import { partnerOf } from "./partner-of";
import { partnerWindow } from "./partner-window";
import type { studentOutcomesResponse } from "./schemas/impact";

export interface GetStudentOutcomesOptions {
  actor: Actor;
  period: Period;
  gradeLevel?: number;
  subject?: string;
  /** Figures as of this instant, bypassing the cache. */
  now?: Date;
}

/** GET /partner/impact/student-outcomes. */
export async function getStudentOutcomes(options: GetStudentOutcomesOptions): Promise<z.infer<typeof studentOutcomesResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const compute = async (now: Date) => {
    const window = await partnerWindow(partnerId, options.period, now);
    const figures = await computeStudentOutcomes({ partnerId, window, gradeLevel: options.gradeLevel, subject: options.subject });
    return { period: options.period, ...figures };
  };
  if (options.now) return compute(options.now);
  const key = `outcomes:${partnerId}:${options.period}:${options.gradeLevel ?? ""}:${options.subject ?? ""}`;
  return cachedMetric(key, partnerId, () => compute(new Date()));
}
