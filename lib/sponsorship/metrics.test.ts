/**
 * The impact figures on small hand-made portfolios whose answers are worked out by hand
 * (see the comments), inside the seeded test database, in counties of their own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { completePayment } from "./complete-payment";
import { computeImpact } from "./compute-impact";
import { matchedComparison } from "./matched-comparison";
import { bandFor, costPer, daysWindow, percent, periodWindow, round, trendFor, windowBounds } from "./metrics";
import { moneyFigures } from "./money";
import { sponsoredStudentRows } from "./sponsored-students";
import { computeStudentOutcomes } from "./compute-student-outcomes";

// 2026-07-01: `year` is 2025-08-01 up to now; its last three months are April to June 2026.
const NOW = new Date("2026-07-01T00:00:00Z");
const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

let P: string; // the partner the figures are about
let Q: string; // another partner who also funds student B
let M: string; // the matched comparison's partner
const s: Record<string, string> = {};
let course: { math: string; science: string };

async function student(key: string, countyId: string, schoolId: string) {
  const row = await getDb().student.create({
    data: { firstName: key, lastName: "Fixture", gender: "female", gradeLevel: 5, schoolId, countyId, dateOfBirth: d("2015-01-01") },
  });
  s[key] = row.id;
}

async function assess(key: string, day: string, score: number, courseId = course.math) {
  await getDb().assessment.create({ data: { studentId: s[key]!, courseId, kind: "quiz", score, takenAt: d(day) } });
}

/** A sponsorship already paid for (activated) at `activated`. */
function fundedSponsorship(partnerId: string, key: string, start: string, end: string, activated: string) {
  return getDb().sponsorship.create({
    data: {
      partnerId,
      studentId: s[key]!,
      type: "partial",
      status: "active",
      amountMinor: 10_000_000n,
      startDate: d(start),
      endDate: d(end),
      activatedAt: d(activated),
    },
  });
}

beforeAll(async () => {
  const db = getDb();
  // Counties with no seeded students, so that nobody else falls into the fixtures' groups.
  const empty = await db.county.findMany({ where: { students: { none: {} } }, orderBy: { code: "asc" }, take: 2 });
  const [home, other] = empty;
  const schoolHome = await db.school.create({ data: { name: "Fixture School", countyId: home!.id } });
  const schoolOther = await db.school.create({ data: { name: "Fixture School Two", countyId: other!.id } });
  const [math, science] = await db.course.findMany({
    where: { gradeLevel: 5, subject: { in: ["Mathematics", "Science"] } },
    orderBy: { subject: "asc" },
  });
  course = { math: math!.id, science: science!.id };
  P = (await db.organization.create({ data: { name: "Fixture Trust", type: "ngo" } })).id;
  Q = (await db.organization.create({ data: { name: "Second Fixture Trust", type: "foundation" } })).id;
  M = (await db.organization.create({ data: { name: "Matched Fixture Trust", type: "company" } })).id;
  for (const key of ["A", "B", "C", "D", "F"]) await student(key, other!.id, schoolOther.id);
  for (const key of ["S1", "S2", "K1", "K2", "K3"]) await student(key, home!.id, schoolHome.id);

  // ── P's portfolio ──
  // A: sponsored from 2026-01-01, but paid (activated) only on 2026-01-10: funded from then.
  const a = await db.sponsorship.create({
    data: {
      partnerId: P,
      studentId: s.A!,
      type: "partial",
      status: "pending",
      amountMinor: 10_000_000n,
      startDate: d("2026-01-01"),
      endDate: d("2026-12-31"),
      courses: { create: [{ courseId: course.math }] },
    },
  });
  // B: funded by P from 2026-02-01 and by Q from 2026-03-01 to 2026-08-31.
  await fundedSponsorship(P, "B", "2026-02-01", "2026-12-31", "2026-01-25");
  await fundedSponsorship(Q, "B", "2026-03-01", "2026-08-31", "2026-02-20");
  // C: in P's program (funded 2026-01-01) from 2026-02-01; no assessments before.
  await db.program.create({
    data: {
      partnerId: P,
      name: "Fixture programme",
      description: "x",
      status: "active",
      activatedAt: d("2026-01-01"),
      targetStudents: 5,
      budgetMinor: 1n,
      startDate: d("2026-01-01"),
      endDate: d("2026-12-31"),
      courses: { create: [{ courseId: course.science }] },
      participants: { create: [{ studentId: s.C!, enrolledAt: d("2026-02-01") }] },
    },
  });
  // D: a pending sponsorship, never paid: not funded.
  await db.sponsorship.create({
    data: {
      partnerId: P,
      studentId: s.D!,
      type: "partial",
      status: "pending",
      amountMinor: 10_000_000n,
      startDate: d("2026-01-01"),
      endDate: d("2026-12-31"),
    },
  });

  // A: baseline (the 90 days before 2026-01-10) 50, 60 → 55. Credited: 70 (Jan), 80 (May), 90 (Jun); recent 85; +30.
  await assess("A", "2025-11-15", 50);
  await assess("A", "2026-01-05", 60);
  await assess("A", "2026-01-20", 70);
  await assess("A", "2026-05-10", 80);
  await assess("A", "2026-06-10", 90);
  // B: 40 before either; 50 under P only; 60 and 70 under both. P: baseline 40, recent 65, +25. Q: baseline 45 (40, 50), recent 65, +20.
  await assess("B", "2026-01-15", 40);
  await assess("B", "2026-02-15", 50);
  await assess("B", "2026-04-15", 60);
  await assess("B", "2026-06-15", 70);
  // C: one credited assessment, no baseline. D: nobody funds it.
  await assess("C", "2026-03-10", 75, course.science);
  await assess("D", "2026-03-01", 30);

  // Before A's funding: a certificate, a promotion, a tutor session and a completion that must not count. After: one of each but the promotion.
  await db.certificate.createMany({
    data: [
      { studentId: s.A!, title: "Before", issuedAt: d("2025-12-01") },
      { studentId: s.A!, title: "After", issuedAt: d("2026-03-01") },
    ],
  });
  await db.gradePromotion.create({ data: { studentId: s.A!, fromGrade: 4, toGrade: 5, promotedAt: d("2026-01-05") } });
  await db.tutorSession.createMany({
    data: ["2026-01-08", "2026-02-01", "2026-03-01"].map((day) => ({
      studentId: s.A!,
      startedAt: d(day),
      durationMinutes: 20,
      messageCount: 10,
    })),
  });
  await db.enrollment.createMany({
    data: [
      { studentId: s.A!, courseId: course.math, status: "completed", enrolledAt: d("2025-09-01"), completedAt: d("2026-01-09") },
      // Begun before funding, completed during it: the completion counts.
      { studentId: s.A!, courseId: course.science, status: "completed", enrolledAt: d("2025-10-01"), completedAt: d("2026-04-01") },
      // Still open at the end, for students funded then: the other half of the completion rate.
      { studentId: s.B!, courseId: course.math, status: "in_progress", enrolledAt: d("2026-03-01") },
      { studentId: s.C!, courseId: course.science, status: "in_progress", enrolledAt: d("2026-02-02") },
    ],
  });

  // A's sponsorship is paid on 2026-01-10 (KES, the reporting currency): it becomes active then.
  const admin = await actorByEmail("admin@demo.test");
  const payA = await db.payment.create({
    data: {
      partnerId: P,
      amountMinor: 10_000_000n,
      currency: "KES",
      method: "bank_transfer",
      reference: `FX-A-${P}`,
      sponsorships: { create: [{ sponsorshipId: a.id }] },
      createdAt: d("2026-01-09"),
    },
  });
  await completePayment({ actor: admin, paymentId: payA.id, outcome: "completed", source: "admin", now: d("2026-01-10") });

  // ── M's matched cohort (county of its own): before = Jan–Mar 2026, after = Apr–Jun 2026 ──
  await fundedSponsorship(M, "S1", "2025-12-01", "2026-12-31", "2025-12-01");
  await fundedSponsorship(M, "S2", "2025-12-01", "2026-12-31", "2025-12-01");
  const cohort: Array<[string, number, number]> = [
    ["S1", 60, 70], // +10
    ["S2", 62, 66], // +4
    ["K1", 55, 57], // +2
    ["K2", 60, 60], // 0
    ["K3", 63, 67], // +4
  ];
  for (const [key, before, after] of cohort) {
    await assess(key, "2026-02-10", before);
    await assess(key, "2026-05-10", after);
  }
});

describe("metric helpers", () => {
  it("thresholds", () => {
    expect([trendFor(5), trendFor(4.9), trendFor(-4.9), trendFor(-5), trendFor(null)]).toEqual([
      "improving",
      "stable",
      "stable",
      "declining",
      "stable",
    ]);
    expect([bandFor(85), bandFor(84.9), bandFor(70), bandFor(50), bandFor(49.9)]).toEqual([
      "excellent",
      "good",
      "good",
      "needs_improvement",
      "at_risk",
    ]);
    expect([percent(2, 3), percent(1, 0), round(70.25, 1), round(-2.5), costPer(100, 3), costPer(5, 0)]).toEqual([67, 0, 70.3, -3, 33, 0]);
  });

  it("periods are calendar months ending now, with explicit bounds", () => {
    expect(windowBounds(periodWindow("quarter", NOW, null))).toEqual({ period_start: "2026-05-01", period_end: "2026-06-30" });
    expect(windowBounds(periodWindow("year", NOW, null))).toEqual({ period_start: "2025-08-01", period_end: "2026-06-30" });
    expect(windowBounds(periodWindow("all_time", NOW, d("2024-03-15T09:00:00Z")))).toEqual({
      period_start: "2024-03-01",
      period_end: "2026-06-30",
    });
    expect(windowBounds(daysWindow(d("2025-10-01"), d("2025-12-31"), NOW))).toEqual({
      period_start: "2025-10-01",
      period_end: "2025-12-31",
    });
  });
});

describe("attribution", () => {
  const year = () => periodWindow("year", NOW, null);

  it("counts only what happened while the partner funded the student, and in the period", async () => {
    const impact = await computeImpact({ partnerId: P, window: year() });
    expect(impact).toMatchObject({
      period_start: "2025-08-01",
      period_end: "2026-06-30",
      students_reached: 3, // A, B, C; D was never paid for
      outcomes: {
        average_score_improvement: 27.5, // A +30, B +25
        students_measured: 2,
        students_without_baseline: 1, // C
        students_without_recent_assessments: 0,
        course_completion_rate: 33, // A's completion on 04-01 of 1 completed + 2 open at the end (B, C)
        students_advancing_grade: 0, // A's promotion was before funding began
        certificates_earned: 1, // "After"; "Before" was before funding
        ai_tutor_sessions: 2, // 01-08 was before funding
      },
      // A 70, 80, 90; B 50, 60, 70; C 75 → 495 / 7
      comparison_to_platform: { sponsored_avg_score: 70.7, sponsored_completion_rate: 33 },
    });
    const rows = Object.fromEntries((await sponsoredStudentRows({ partnerId: P, window: year() })).map((r) => [r.name.split(" ")[0], r]));
    expect(rows.A).toMatchObject({
      score_change: 30,
      performance_trend: "improving",
      average_score: 80,
      courses_completed: 1,
      ai_tutor_sessions: 2,
      courses_enrolled: 2,
    });
    expect(rows.B).toMatchObject({ score_change: 25, performance_trend: "improving", average_score: 60 });
    expect(rows.C).toMatchObject({ score_change: null, performance_trend: "stable", average_score: 75, sponsorship_type: "program" });
    expect(rows.D).toBeUndefined();
  });

  it("credits the same records to two partners that both funded the student, each from their own start", async () => {
    const q = await computeImpact({ partnerId: Q, window: year() });
    expect(q).toMatchObject({
      students_reached: 1,
      outcomes: { average_score_improvement: 20, students_measured: 1 }, // baseline 40, 50 (before 2026-03-01); recent 60, 70
      comparison_to_platform: { sponsored_avg_score: 65 },
    });
  });

  it("student outcomes: bands on credited averages, both band schemes, per subject and per month", async () => {
    const outcomes = await computeStudentOutcomes({ partnerId: P, window: year() });
    expect(outcomes.total_students).toBe(3);
    // A 80 (good), B 60 (needs improvement), C 75 (good); CBC: A EE, B AE, C ME
    expect(outcomes.by_performance).toEqual({
      excellent: { count: 0, avg_score: null, percent: 0 },
      good: { count: 2, avg_score: 77.5, percent: 67 },
      needs_improvement: { count: 1, avg_score: 60, percent: 33 },
      at_risk: { count: 0, avg_score: null, percent: 0 },
    });
    expect(outcomes.by_cbc_band).toEqual({
      EE: { count: 1, avg_score: 80, percent: 33 },
      ME: { count: 1, avg_score: 75, percent: 33 },
      AE: { count: 1, avg_score: 60, percent: 33 },
      BE: { count: 0, avg_score: null, percent: 0 },
    });
    expect(outcomes.by_subject).toEqual([
      { subject: "Mathematics", avg_score: 70, completion_rate: 0 }, // 70, 80, 90, 50, 60, 70; B's open enrolment
      { subject: "Science", avg_score: 75, completion_rate: 50 }, // A's completion; C's open enrolment
    ]);
    const months = Object.fromEntries(outcomes.score_trend.map((m) => [m.month, m.avg_score]));
    expect(months).toEqual({ "2026-01": 70, "2026-02": 50, "2026-03": 75, "2026-04": 60, "2026-05": 80, "2026-06": 80 });
  });

  it("a past period's figures do not change when later records arrive", async () => {
    const q1 = daysWindow(d("2026-01-01"), d("2026-03-31"), NOW);
    const before = await computeImpact({ partnerId: P, window: q1 });
    expect(before).toMatchObject({ period_start: "2026-01-01", period_end: "2026-03-31", students_reached: 3 });
    // Records after the period: a score, a completion, a certificate, a tutor session.
    await assess("A", "2026-04-20", 10);
    await getDb().certificate.create({ data: { studentId: s.B!, title: "Later", issuedAt: d("2026-05-05") } });
    await getDb().tutorSession.create({ data: { studentId: s.C!, startedAt: d("2026-04-02"), durationMinutes: 5, messageCount: 1 } });
    const after = await computeImpact({ partnerId: P, window: q1 });
    expect(after).toEqual(before);
    // And a report over part of a month reads the records themselves: 2026-01-15 to 2026-02-20.
    const partial = await computeImpact({ partnerId: P, window: daysWindow(d("2026-01-15"), d("2026-02-20"), NOW) });
    expect(partial.comparison_to_platform.sponsored_avg_score).toBe(60); // A's 70 (01-20) and B's 50 (02-15)
    expect(partial.outcomes.ai_tutor_sessions).toBe(1); // 02-01
  });
});

describe("money", () => {
  it("converts a USD payment at the recorded rate, and a partial payment leaves a sponsorship partly funded", async () => {
    const db = getDb();
    const admin = await actorByEmail("admin@demo.test");
    // F's sponsorship (KES 100,000) starts next year, so it reaches nobody in these windows.
    const f = await db.sponsorship.create({
      data: {
        partnerId: P,
        studentId: s.F!,
        type: "partial",
        status: "pending",
        amountMinor: 10_000_000n,
        startDate: d("2027-01-01"),
        endDate: d("2027-12-31"),
      },
    });
    const usd = await db.payment.create({
      data: {
        partnerId: P,
        amountMinor: 50_000n,
        currency: "USD",
        method: "bank_transfer",
        reference: `FX-USD-${P}`,
        sponsorships: { create: [{ sponsorshipId: f.id }] },
      },
    });
    // Without the rate an admin cannot complete it.
    await expect(completePayment({ actor: admin, paymentId: usd.id, outcome: "completed", source: "admin" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await completePayment({
      actor: admin,
      paymentId: usd.id,
      outcome: "completed",
      source: "admin",
      exchangeRate: "129.5",
      now: d("2026-05-01"),
    });
    const settled = await db.payment.findUniqueOrThrow({ where: { id: usd.id } });
    expect(settled).toMatchObject({ rateSource: "admin", reportingAmountMinor: 6_475_000n, reportingCurrency: "KES" }); // USD 500 × 129.5
    // The sponsorship received KES 64,750 of 100,000: partly funded, still pending.
    expect((await db.sponsorship.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("pending");
    // Laid over F's monthly periods from January 2027: KES 8,333.33 a period, the last partly.
    const given = await db.disbursement.findMany({
      where: { sponsorshipId: f.id },
      orderBy: { periodStart: "asc" },
      select: { amountMinor: true, currency: true, reportingAmountMinor: true, periodStart: true, disbursedAt: true },
    });
    expect(given.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(6_475_000n);
    expect(given.reduce((sum, row) => sum + row.reportingAmountMinor!, 0n)).toBe(6_475_000n);
    expect(given.map((row) => row.periodStart.toISOString().slice(0, 10))).toEqual([
      "2027-01-01",
      "2027-02-01",
      "2027-03-01",
      "2027-04-01",
      "2027-05-01",
      "2027-06-01",
      "2027-07-01",
      "2027-08-01",
    ]);
    expect(given.every((row) => row.currency === "KES" && row.disbursedAt.getTime() === row.periodStart.getTime())).toBe(true);
    expect((await db.sponsorshipEvent.findMany({ where: { sponsorshipId: f.id } })).map((e) => e.event)).toEqual([
      "Partly funded: KES 64750 of 100000",
    ]);

    // A card payment in USD whose provider reported no rate stays unconverted: listed apart, never summed.
    await db.payment.create({
      data: {
        partnerId: P,
        amountMinor: 20_000n,
        currency: "USD",
        method: "stripe",
        status: "completed",
        completedAt: d("2026-05-02"),
        reference: `FX-CARD-${P}`,
      },
    });
    const money = await moneyFigures({ partnerId: P, window: periodWindow("year", NOW, null) });
    expect(money).toEqual({
      currency: "KES",
      paid_in: 164_750, // 100,000 (A) + 64,750 (USD 500 at 129.5)
      // A's year runs in twelve periods of KES 8,333.33 from January: six (January to June) have started
      // by the window's end. F's have not: its KES 64,750 is paid in and held for them, not yet disbursed.
      disbursed_to_sponsorships: 49_999.98,
      committed: 300_000, // A, B and D's sponsorships (F's starts next year)
      not_converted: [{ figure: "paid_in", currency: "USD", amount: 200 }],
    });
    // The rest completes it: now active.
    const rest = await db.payment.create({
      data: {
        partnerId: P,
        amountMinor: 3_525_000n,
        currency: "KES",
        method: "mpesa",
        reference: `FX-REST-${P}`,
        sponsorships: { create: [{ sponsorshipId: f.id }] },
      },
    });
    await completePayment({ actor: admin, paymentId: rest.id, outcome: "completed", source: "admin", now: d("2026-05-03") });
    expect((await db.sponsorship.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("active");
  });
});

describe("matched comparison", () => {
  it("compares changes within matched groups, with a 95% confidence interval", async () => {
    const year = periodWindow("year", NOW, null);
    // One group (grade 5, the cohort's county, AE): sponsored +10 and +4 (mean 7, variance 18); controls +2, 0, +4 (mean 2, variance 4).
    // Difference 5; standard error √(18/2 + 4/3) = 3.215; 5 ± 1.96 × 3.215 = [−1.3, 11.3].
    const result = await matchedComparison({ partnerId: M, window: year, minimum: 2 });
    expect(result).toEqual({
      available: true,
      reason: null,
      before: { from: "2026-01-01", to: "2026-03-31" },
      after: { from: "2026-04-01", to: "2026-06-30" },
      sponsored_students: 2,
      control_students: 3,
      unmatched_sponsored_students: 0,
      sponsored_change: 7,
      control_change: 2,
      difference: 5,
      ci95: [-1.3, 11.3],
    });
    // With the published minimum of 20, the same cohort gets a reason instead of a number.
    const published = await matchedComparison({ partnerId: M, window: year });
    expect(published).toMatchObject({ available: false, difference: null, ci95: null, sponsored_students: 2, control_students: 3 });
    expect(published.reason).toMatch(/^Too few comparable students: 2 sponsored and 3 unfunded/);
  });
});
