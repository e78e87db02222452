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
  /** The page's search box (not part of the API): the student's full name or school. */
  q?: string;
}

/** The API's largest page; a longer list (an export) is computed afresh rather than kept. */
const LARGEST_CACHED_PAGE = 100;

/** GET /partner/sponsored-students. Figures cover all time up to now. */
export async function listSponsoredStudents(options: ListSponsoredStudentsOptions): Promise<z.infer<typeof sponsoredStudentsResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const filters = { gradeLevel: options.gradeLevel, county: options.county, performance: options.performance, q: options.q };
  const compute = () => sponsoredStudentsPage(partnerId, filters, options);
  // A search is typed once: each text would be an entry of its own, so searches are not kept either.
  if (options.q !== undefined || options.limit > LARGEST_CACHED_PAGE) return compute();
  const key = `students:${partnerId}:${options.page}:${options.limit}:${options.gradeLevel ?? ""}:${options.county ?? ""}:${options.performance ?? ""}`;
  return cachedMetric(key, partnerId, compute);
}
