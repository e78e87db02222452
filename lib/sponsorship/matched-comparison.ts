/**
 * A comparison that means something: how the partner's students' scores moved against
 * students like them whom no partner funded.
 *
 * At the end of the period take two adjacent three-month windows: "before" (months −5
 * to −3) and "after" (the last three); the period's last month is the current one for a
 * period running to now, otherwise the last whole month inside it. For each student
 * with assessments in both windows, the change is their average after minus their
 * average before. Sponsored students are those whose assessments in both windows were
 * credited to the partner; controls are students no partner funded at any moment of
 * those six months. Students are matched on grade (at the end of the period), county
 * and the CBC band of their "before" average. Within each matched group the difference
 * of mean changes is taken; the effect is their average weighted by sponsored students,
 * with a 95% confidence interval from the groups' variances (normal approximation).
 * Groups with fewer than two students on either side are left out; with fewer than 20
 * matched students on either side there is no figure, only the reason.
 *
 * The changes and their per-group sums are kept by the database with the learning
 * summaries (the matched_comparison_summaries migration), so this reads only groups.
 */
import { getDb } from "../db";
import { addMonths, isoDay, monthSql, monthStart, round, type Window } from "./metrics";

export const MIN_MATCHED = 20;
/** The control side's partner id in comparison_strata. */
const CONTROLS = "00000000-0000-0000-0000-000000000000";

export interface MatchedComparison {
  available: boolean;
  reason: string | null;
  before: { from: string; to: string };
  after: { from: string; to: string };
  sponsored_students: number;
  control_students: number;
  unmatched_sponsored_students: number;
  sponsored_change: number | null;
  control_change: number | null;
  difference: number | null;
  ci95: [number, number] | null;
}

interface Stratum {
  n_s: number;
  sum_s: number;
  squares_s: number;
  n_c: number | null;
  sum_c: number | null;
  squares_c: number | null;
}

const lastDay = (month: Date) => isoDay(new Date(addMonths(month, 1).getTime() - 86_400_000));

/** The comparison's last month: the window's last month if the window runs to now or to that month's end, else the month before. */
export function comparisonEndMonth(window: Window, now = Date.now()): Date {
  const whole = window.until.getTime() >= now - 1000 || window.until.getTime() === addMonths(window.lastMonth, 1).getTime();
  return whole ? window.lastMonth : addMonths(monthStart(window.lastMonth), -1);
}

function windowsOf(window: Window) {
  const end = comparisonEndMonth(window);
  return { end, afterFrom: addMonths(end, -2), beforeFrom: addMonths(end, -5), beforeTo: addMonths(end, -3) };
}

const variance = (n: number, sum: number, squares: number) => (n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : 0);

/** The comparison's shape where it was not computed. */
export function unavailableComparison(window: Window, reason = "Not computed for this view"): MatchedComparison {
  const { end, afterFrom, beforeFrom, beforeTo } = windowsOf(window);
  return {
    available: false,
    reason,
    before: { from: isoDay(beforeFrom), to: lastDay(beforeTo) },
    after: { from: isoDay(afterFrom), to: lastDay(end) },
    sponsored_students: 0,
    control_students: 0,
    unmatched_sponsored_students: 0,
    sponsored_change: null,
    control_change: null,
    difference: null,
    ci95: null,
  };
}

export async function matchedComparison(options: { partnerId: string; window: Window; minimum?: number }): Promise<MatchedComparison> {
  const { partnerId, window } = options;
  const minimum = options.minimum ?? MIN_MATCHED;
  const { end, afterFrom, beforeFrom, beforeTo } = windowsOf(window);
  const strata = await getDb().$queryRaw<Stratum[]>`
    SELECT s.students AS n_s, s.change_sum AS sum_s, s.change_squares AS squares_s,
           c.students AS n_c, c.change_sum AS sum_c, c.change_squares AS squares_c
      FROM comparison_strata s
      LEFT JOIN comparison_strata c
        ON c.end_month = s.end_month AND c.partner_id = ${CONTROLS}::uuid
       AND c.grade_level = s.grade_level AND c.county_id = s.county_id AND c.band = s.band
     WHERE s.end_month = ${monthSql(end)} AND s.partner_id = ${partnerId}::uuid AND s.students > 0`;
  const groups = strata.map((g) => ({
    n_s: g.n_s,
    mean_s: g.sum_s / g.n_s,
    var_s: variance(g.n_s, g.sum_s, g.squares_s),
    n_c: g.n_c ?? 0,
    mean_c: g.n_c ? g.sum_c! / g.n_c : null,
    var_c: g.n_c ? variance(g.n_c, g.sum_c!, g.squares_c!) : null,
  }));

  const sponsoredTotal = groups.reduce((sum, g) => sum + g.n_s, 0);
  const matched = groups.filter((g) => g.n_s >= 2 && g.n_c >= 2);
  const n = matched.reduce((sum, g) => sum + g.n_s, 0);
  const controls = matched.reduce((sum, g) => sum + g.n_c, 0);
  const base = {
    before: { from: isoDay(beforeFrom), to: lastDay(beforeTo) },
    after: { from: isoDay(afterFrom), to: lastDay(end) },
    sponsored_students: n,
    control_students: controls,
    unmatched_sponsored_students: sponsoredTotal - n,
  };
  if (n < minimum || controls < minimum) {
    return {
      available: false,
      reason: `Too few comparable students: ${n} sponsored and ${controls} unfunded students matched on grade, county and starting band (at least ${minimum} of each are needed)`,
      ...base,
      sponsored_change: null,
      control_change: null,
      difference: null,
      ci95: null,
    };
  }
  let effect = 0;
  let effectVariance = 0;
  let sponsoredChange = 0;
  let controlChange = 0;
  for (const g of matched) {
    const w = g.n_s / n;
    effect += w * (g.mean_s - g.mean_c!);
    sponsoredChange += w * g.mean_s;
    controlChange += w * g.mean_c!;
    effectVariance += w * w * (g.var_s / g.n_s + (g.var_c ?? 0) / g.n_c);
  }
  const margin = 1.96 * Math.sqrt(effectVariance);
  return {
    available: true,
    reason: null,
    ...base,
    sponsored_change: round(sponsoredChange, 1),
    control_change: round(controlChange, 1),
    difference: round(effect, 1),
    ci95: [round(effect - margin, 1), round(effect + margin, 1)],
  };
}
