/** The partner's sponsorships, a page at a time. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { likePattern } from "../db/like";
import { toMajor } from "../money";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { listSponsorshipsQuery, listSponsorshipsResponse } from "./schemas/sponsorships";

const SORT_COLUMNS = {
  created_at: Prisma.sql`s.created_at`,
  // student.name exactly as the list shows it, compared by code point so any client can sort the same way.
  student_name: Prisma.sql`(st.first_name || ' ' || st.last_name) COLLATE "C"`,
  amount: Prisma.sql`s.amount_minor`,
  end_date: Prisma.sql`s.end_date`,
} as const;

/** `now`: what has been disbursed is what is due by then. `q`: the page's search box (not part of the API). */
export type ListSponsorshipsOptions = { actor: Actor; now?: Date; q?: string } & z.output<typeof listSponsorshipsQuery>;

interface ListRow {
  id: string;
  student_id: string;
  first_name: string;
  last_name: string;
  grade_level: number;
  school: string;
  county: string;
  type: "full_scholarship" | "course_specific" | "partial";
  status: "active" | "pending" | "completed" | "cancelled";
  courses_covered: string[] | null;
  amount_minor: bigint;
  disbursed_minor: bigint | null;
  currency: string;
  start_date: Date;
  end_date: Date;
  average_score: number | null;
  courses_completed: number;
  courses_in_progress: number;
  created_at: Date;
}

/**
 * GET /partner/sponsorships. A student's performance covers the courses the
 * sponsorship pays for, or all their courses when it names none.
 */
export async function listSponsorships(options: ListSponsorshipsOptions): Promise<z.infer<typeof listSponsorshipsResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const conditions = [Prisma.sql`s.partner_id = ${partnerId}::uuid`];
  if (options.status) conditions.push(Prisma.sql`s.status = ${options.status}::"SponsorshipStatus"`);
  // The student's name as the list shows it, in any case.
  if (options.q) conditions.push(Prisma.sql`(st.first_name || ' ' || st.last_name) ILIKE ${likePattern(options.q)}`);
  const where = Prisma.join(conditions, " AND ");
  const direction = options.sort_order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const { skip, take } = pageWindow(options);
  const db = getDb();
  const now = options.now ?? new Date();

  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<ListRow[]>`
      WITH page AS (
        SELECT s.* FROM sponsorships s JOIN students st ON st.id = s.student_id
         WHERE ${where}
         ORDER BY ${SORT_COLUMNS[options.sort_by]} ${direction}, s.id ${direction}
         LIMIT ${take} OFFSET ${skip}
      )
      SELECT s.id::text, st.id::text AS student_id, st.first_name, st.last_name, st.grade_level, sc.name AS school, co.name AS county,
             s.type::text AS type, s.status::text AS status, covered.titles AS courses_covered,
             s.amount_minor, paid.total AS disbursed_minor, s.currency, s.start_date, s.end_date, s.created_at,
             perf.average_score, perf.courses_completed, perf.courses_in_progress
        FROM page s
        JOIN students st ON st.id = s.student_id
        JOIN schools sc ON sc.id = st.school_id
        JOIN counties co ON co.id = st.county_id
        LEFT JOIN LATERAL (
          SELECT array_agg(c.title ORDER BY c.title) AS titles, array_agg(c.id) AS ids
            FROM sponsorship_courses x JOIN courses c ON c.id = x.course_id WHERE x.sponsorship_id = s.id
        ) covered ON TRUE
        LEFT JOIN LATERAL (
          -- Disbursed: the money of periods that have started; a coming period's is committed.
          SELECT SUM(d.amount_minor) AS total FROM disbursements d WHERE d.sponsorship_id = s.id AND d.disbursed_at <= ${now}::timestamptz
        ) paid ON TRUE
        LEFT JOIN LATERAL (
          SELECT ROUND((SELECT AVG(a.score) FROM assessments a
                         WHERE a.student_id = s.student_id AND (covered.ids IS NULL OR a.course_id = ANY (covered.ids))), 1)::float8 AS average_score,
                 (COUNT(*) FILTER (WHERE e.status = 'completed'))::int AS courses_completed,
                 (COUNT(*) FILTER (WHERE e.status = 'in_progress'))::int AS courses_in_progress
            FROM enrollments e WHERE e.student_id = s.student_id AND (covered.ids IS NULL OR e.course_id = ANY (covered.ids))
        ) perf ON TRUE
       ORDER BY ${SORT_COLUMNS[options.sort_by]} ${direction}, s.id ${direction}`,
    db.$queryRaw<
      Array<{ total: number }>
    >`SELECT COUNT(*)::int AS total FROM sponsorships s JOIN students st ON st.id = s.student_id WHERE ${where}`,
  ]);

  return {
    sponsorships: rows.map((row) => ({
      id: row.id,
      student: {
        id: row.student_id,
        name: `${row.first_name} ${row.last_name}`,
        grade_level: row.grade_level,
        school: row.school,
        county: row.county,
      },
      type: row.type,
      status: row.status,
      courses_covered: row.courses_covered ?? [],
      total_amount: toMajor(row.amount_minor),
      amount_disbursed: toMajor(row.disbursed_minor ?? 0n),
      currency: row.currency,
      start_date: row.start_date.toISOString(),
      end_date: row.end_date.toISOString(),
      student_performance: {
        average_score: row.average_score,
        courses_completed: row.courses_completed,
        courses_in_progress: row.courses_in_progress,
      },
      created_at: row.created_at.toISOString(),
    })),
    ...pageInfo(options, total),
  };
}
