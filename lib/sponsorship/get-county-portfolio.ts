/**
 * The partner's portfolio by county (/dashboard/counties), over all time up to now, with
 * the dashboard's own definitions split by where each student lives now:
 * - students: students the partner funded (students reached, metrics.ts);
 * - disbursed: money paid in and disbursed to those students' sponsorships for periods
 *   that have started, in the reporting currency (money.ts "disbursed to sponsorships";
 *   money paid to a program and not passed to a sponsorship belongs to no county);
 * - improvement: the mean score improvement of the county's measured students (recent
 *   average minus baseline, as on the impact page), null when none could be measured.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { figuresCte, round, SCORE_CHANGE } from "./metrics";
import { cachedMetric } from "./metric-cache";
import { reportingCurrencyOf } from "./money";
import { partnerOf } from "./partner-of";
import { partnerWindow } from "./partner-window";

export interface CountyFigures {
  /** The official county code, 1–47. */
  code: number;
  name: string;
  students: number;
  /** Students with both a baseline and recent assessments: those the improvement averages. */
  studentsMeasured: number;
  /** Points; null when no student of the county could be measured. */
  improvement: number | null;
  /** Major units of `currency`. */
  disbursed: number;
}

export interface CountyPortfolio {
  currency: string;
  counties: CountyFigures[];
}

export interface GetCountyPortfolioOptions {
  actor: Actor;
  /** Figures as of this instant, bypassing the cache. */
  now?: Date;
}

export async function getCountyPortfolio(options: GetCountyPortfolioOptions): Promise<CountyPortfolio> {
  const partnerId = partnerOf(options.actor, "read");
  if (options.now) return computeCountyPortfolio(partnerId, options.now);
  return cachedMetric(`counties:${partnerId}`, partnerId, () => computeCountyPortfolio(partnerId, new Date()));
}

async function computeCountyPortfolio(partnerId: string, now: Date): Promise<CountyPortfolio> {
  const [window, currency] = await Promise.all([partnerWindow(partnerId, "all_time", now), reportingCurrencyOf(partnerId)]);
  const rows = await getDb().$queryRaw<
    Array<{ code: number; name: string; students: number; measured: number; improvement: number | null; disbursed_minor: string }>
  >`
    WITH ${figuresCte(partnerId, window)},
    reached AS (
      SELECT county_id, COUNT(*)::int AS students, (COUNT(*) FILTER (WHERE ${SCORE_CHANGE} IS NOT NULL))::int AS measured,
             AVG(${SCORE_CHANGE})::float8 AS improvement
        FROM figures GROUP BY county_id
    ),
    disbursed AS (
      SELECT st.county_id, SUM(d.reporting_amount_minor) AS minor
        FROM sponsorships s
        JOIN disbursements d ON d.sponsorship_id = s.id
        JOIN students st ON st.id = s.student_id
       WHERE s.partner_id = ${partnerId}::uuid AND d.disbursed_at <= ${now}::timestamptz AND d.reporting_currency = ${currency}
       GROUP BY st.county_id
    )
    SELECT co.code, co.name, COALESCE(r.students, 0) AS students, COALESCE(r.measured, 0) AS measured, r.improvement,
           COALESCE(d.minor, 0)::text AS disbursed_minor
      FROM counties co
      LEFT JOIN reached r ON r.county_id = co.id
      LEFT JOIN disbursed d ON d.county_id = co.id
     ORDER BY co.code`;
  return {
    currency,
    counties: rows.map((row) => ({
      code: row.code,
      name: row.name,
      students: row.students,
      studentsMeasured: row.measured,
      improvement: row.improvement === null ? null : round(row.improvement, 1),
      disbursed: toMajor(BigInt(row.disbursed_minor)),
    })),
  };
}
