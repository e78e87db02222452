/**
 * The student picker behind "New sponsorship": students a partner can sponsor, filtered
 * by name, grade, county and school and paged on the server (the filter choices are in
 * list-student-filter-options.ts).
 * A student the partner already sponsors (active or pending) is left out, since the
 * API would refuse a second overlapping sponsorship.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";

export const sponsorableStudentsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  grade_level: z.coerce.number().int().min(1).max(12).optional(),
  county_id: z.uuid().optional(),
  school_id: z.uuid().optional(),
  /** Words of a name: each must appear in the first or last name (any case). */
  q: z.string().trim().max(100).optional(),
});

export type SponsorableStudentsQuery = z.output<typeof sponsorableStudentsQuery>;

export interface SponsorableStudent {
  id: string;
  name: string;
  grade_level: number;
  school: { id: string; name: string };
  county: { id: string; name: string };
}

export interface SponsorableStudentsPage {
  students: SponsorableStudent[];
  total: number;
  page: number;
  limit: number;
  pages: number;
}

const OPEN_STATUSES = ["active", "pending"] as const;

export interface ListSponsorableStudentsOptions {
  actor: Actor;
  query: SponsorableStudentsQuery;
}

export async function listSponsorableStudents(options: ListSponsorableStudentsOptions): Promise<SponsorableStudentsPage> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const where: Prisma.StudentWhereInput = {
    ...(query.grade_level !== undefined ? { gradeLevel: query.grade_level } : {}),
    ...(query.county_id ? { countyId: query.county_id } : {}),
    ...(query.school_id ? { schoolId: query.school_id } : {}),
    ...(query.q
      ? {
          AND: query.q
            .split(/\s+/)
            .filter(Boolean)
            .slice(0, 5)
            .map((word) => ({
              OR: [
                { firstName: { contains: word, mode: "insensitive" as const } },
                { lastName: { contains: word, mode: "insensitive" as const } },
              ],
            })),
        }
      : {}),
    sponsorships: { none: { partnerId, status: { in: [...OPEN_STATUSES] } } },
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.student.count({ where }),
    db.student.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      ...pageWindow(query),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        gradeLevel: true,
        school: { select: { id: true, name: true } },
        county: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    students: rows.map((row) => ({
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      grade_level: row.gradeLevel,
      school: row.school,
      county: row.county,
    })),
    ...pageInfo(query, total),
  };
}
