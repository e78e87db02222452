import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Trend } from "./metrics";
import { cachedMetric } from "./metric-cache";
import { partnerOf } from "./partner-of";
import type { sponsoredStudentsResponse } from "./schemas/students";
import { sponsoredStudentsPage } from "./sponsored-students";

export interface ListSponsoredStudentsOptions {
  actor: Actor;
  page: number;
  limit: number;
  gradeLevel?: number;
  county?: string;
  performance?: Trend;
}

/** GET /partner/sponsored-students. Figures cover all time up to now. */
export async function listSponsoredStudents(options: ListSponsoredStudentsOptions): Promise<z.infer<typeof sponsoredStudentsResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const filters = { gradeLevel: options.gradeLevel, county: options.county, performance: options.performance };
  const key = `students:${partnerId}:${options.page}:${options.limit}:${options.gradeLevel ?? ""}:${options.county ?? ""}:${options.performance ?? ""}`;
  return cachedMetric(key, partnerId, () => sponsoredStudentsPage(partnerId, filters, options));
}
