import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorByEmail } from "@/tests/helpers/actors";
import { toMajor } from "@/lib/money";
import { computeImpact } from "./compute-impact";
import { getCountyPortfolio } from "./get-county-portfolio";
import { moneyFigures } from "./money";
import { partnerWindow } from "./partner-window";
import { sponsoredStudentRows } from "./sponsored-students";

describe("the portfolio by county", () => {
  it("lists Kenya's 47 counties with students, disbursed money and improvement that add up to the partner's figures", async () => {
    const actor = await actorByEmail("partner@demo.test");
    const partnerId = actor.organizationId!;
    const now = new Date();
    const { counties, currency } = await getCountyPortfolio({ actor, now });
    expect(counties.map((c) => c.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(counties.filter((c) => c.students > 0).length).toBeGreaterThan(1);

    // Students: the sponsored-students list, counted by county apart.
    const window = await partnerWindow(partnerId, "all_time", now);
    const rows = await sponsoredStudentRows({ partnerId, window });
    const perCounty = new Map<string, typeof rows>();
    for (const row of rows) perCounty.set(row.county, [...(perCounty.get(row.county) ?? []), row]);
    for (const county of counties) {
      const listed = perCounty.get(county.name) ?? [];
      expect(county.students, county.name).toBe(listed.length);
      // Improvement: the mean of the listed students' score changes (shown to one decimal, hence the tolerance).
      const changes = listed.flatMap((r) => (r.score_change === null ? [] : [r.score_change]));
      expect(county.studentsMeasured, county.name).toBe(changes.length);
      if (changes.length === 0) expect(county.improvement).toBeNull();
      else expect(Math.abs(county.improvement! - changes.reduce((a, b) => a + b, 0) / changes.length), county.name).toBeLessThan(0.1);
    }

    // The measured counties' improvement, weighted by students measured, is the impact page's all-time figure.
    const impact = await computeImpact({ partnerId, window, comparisons: false });
    const measured = counties.reduce((sum, c) => sum + c.studentsMeasured, 0);
    expect(measured).toBe(impact.outcomes.students_measured);
    const weighted = counties.reduce((sum, c) => sum + (c.improvement ?? 0) * c.studentsMeasured, 0) / measured;
    expect(Math.abs(weighted - impact.outcomes.average_score_improvement)).toBeLessThan(0.1);

    // Disbursed: each disbursement to the partner's sponsorships that has started, summed by the student's county.
    const disbursements = await getDb().disbursement.findMany({
      where: { sponsorship: { partnerId }, disbursedAt: { lte: now }, reportingCurrency: currency },
      select: { reportingAmountMinor: true, sponsorship: { select: { student: { select: { county: { select: { code: true } } } } } } },
    });
    const expected = new Map<number, bigint>();
    for (const d of disbursements) {
      const code = d.sponsorship.student.county.code;
      expected.set(code, (expected.get(code) ?? 0n) + (d.reportingAmountMinor ?? 0n));
    }
    for (const county of counties) expect(county.disbursed, county.name).toBe(toMajor(expected.get(county.code) ?? 0n));
    const total = counties.reduce((sum, c) => sum + c.disbursed, 0);
    expect(total).toBeGreaterThan(0);
    expect(Math.round(total * 100)).toBe(Math.round((await moneyFigures({ partnerId, now })).disbursed_to_sponsorships * 100));
  });

  it("is for partners only", async () => {
    const brand = await actorByEmail("brand@demo.test");
    await expect(getCountyPortfolio({ actor: brand })).rejects.toBeInstanceOf(AppError);
  });
});
