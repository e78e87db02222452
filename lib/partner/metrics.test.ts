/**
 * Each metric on a small hand-made portfolio whose answers are worked out by hand
 * (see the comments), inside the seeded test database.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { computeImpact } from "./impact";
import { bandFor, costPer, percent, periodRange, round, trendFor } from "./metrics";
import { sponsoredStudentRows, sponsoredStudentTrends } from "./sponsored-students";
import { computeStudentOutcomes } from "./student-outcomes";

const NOW = new Date("2026-06-30T00:00:00Z");
const YEAR = periodRange("year", NOW); // 2025-06-30 .. 2026-06-30
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

let partnerId: string;
const ids = { A: "", B: "", C: "", D: "", E: "" };

beforeAll(async () => {
  const db = getDb();
  const org = await db.organization.create({ data: { name: "Metrics Test Trust", type: "ngo" } });
  partnerId = org.id;
  const county = await db.county.findFirstOrThrow({ where: { name: "Kisumu" } });
  const school = await db.school.create({ data: { name: "Metrics Test School", countyId: county.id } });
  const [course1, course2] = await db.course.findMany({ where: { gradeLevel: 5, subject: { in: ["Mathematics", "Science"] } }, orderBy: { subject: "asc" } });
  for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
    const student = await db.student.create({
      data: { firstName: key, lastName: "Test", gender: "female", gradeLevel: 5, schoolId: school.id, countyId: county.id, dateOfBirth: d("2015-01-01") },
    });
    ids[key] = student.id;
  }
  const sponsor = (studentId: string, status: "active" | "completed" | "pending", courses: string[] = []) =>
    db.sponsorship.create({
      data: {
        partnerId, studentId, type: "partial", status, amountMinor: 1_000_000n, startDate: d("2026-01-01"), endDate: d("2026-12-31"),
        courses: { create: courses.map((courseId) => ({ courseId })) },
      },
    });
  await sponsor(ids.A, "active", [course1.id]);
  await sponsor(ids.B, "completed");
  await sponsor(ids.C, "active");
  await sponsor(ids.D, "pending"); // pending: not yet a sponsored student
  await db.program.create({
    data: {
      partnerId, name: "Test programme", description: "x", status: "active", targetStudents: 5, budgetMinor: 1n,
      startDate: d("2026-01-01"), endDate: d("2026-12-31"),
      courses: { create: [{ courseId: course2.id }] },
      participants: { create: [{ studentId: ids.E, enrolledAt: d("2026-02-01") }] },
    },
  });

  const scores: Array<[string, string, number]> = [
    // A: baseline window (2025-11-02 .. 2026-01-31) 50, 60 → 55; recent (90 days to 2026-06-01) 70, 80 → 75; change +20
    [ids.A, "2025-12-15", 50], [ids.A, "2026-01-10", 60], [ids.A, "2026-05-01", 70], [ids.A, "2026-06-01", 80],
    // B: baseline 90, recent 88 → −2, stable; average 89
    [ids.B, "2026-01-05", 90], [ids.B, "2026-06-10", 88],
    // C: baseline 60, recent 50 → −10, declining; average 55
    [ids.C, "2026-01-02", 60], [ids.C, "2026-06-20", 50],
    // D is not sponsored
    [ids.D, "2026-02-01", 40],
    // E (programme since 2026-02-01): baseline 70, recent 74 → +4, stable; average 72
    [ids.E, "2026-02-05", 70], [ids.E, "2026-06-05", 74],
  ];
  await db.assessment.createMany({
    data: scores.map(([studentId, day, score]) => ({ studentId, courseId: course1.id, kind: "quiz" as const, score, takenAt: d(day) })),
  });
  await db.enrollment.createMany({
    data: [
      { studentId: ids.A, courseId: course1.id, status: "completed", enrolledAt: d("2025-09-01"), completedAt: d("2026-03-01") },
      { studentId: ids.A, courseId: course2.id, status: "in_progress", enrolledAt: d("2026-01-01") },
      { studentId: ids.B, courseId: course1.id, status: "completed", enrolledAt: d("2025-01-01"), completedAt: d("2025-05-01") },
      { studentId: ids.E, courseId: course1.id, status: "completed", enrolledAt: d("2026-02-01"), completedAt: d("2026-06-01") },
    ],
  });
  await db.certificate.createMany({
    data: [
      { studentId: ids.A, title: "A cert", issuedAt: d("2026-03-02") },
      { studentId: ids.E, title: "E cert", issuedAt: d("2026-06-02") },
      { studentId: ids.B, title: "B cert", issuedAt: d("2025-05-02") },
    ],
  });
  await db.tutorSession.createMany({
    data: [
      ...["2026-02-01", "2026-03-01", "2026-04-01"].map((day) => ({ studentId: ids.A, startedAt: d(day), durationMinutes: 20, messageCount: 10 })),
      { studentId: ids.B, startedAt: d("2025-01-15"), durationMinutes: 20, messageCount: 10 },
    ],
  });
  await db.gradePromotion.createMany({
    data: [
      { studentId: ids.A, fromGrade: 4, toGrade: 5, promotedAt: d("2026-01-05") },
      { studentId: ids.C, fromGrade: 4, toGrade: 5, promotedAt: d("2025-01-05") },
    ],
  });
  const pay = (amountMinor: bigint, status: "completed" | "pending", completedAt: Date | null) =>
    db.payment.create({ data: { partnerId, amountMinor, method: "bank_transfer", status, completedAt, reference: `MT-${crypto.randomUUID()}` } });
  await pay(10_000_000n, "completed", d("2026-02-01"));
  await pay(5_000_000n, "completed", d("2025-03-01"));
  await pay(2_000_000n, "pending", null);
});

describe("metric helpers", () => {
  it("thresholds", () => {
    expect([trendFor(5), trendFor(4.9), trendFor(-4.9), trendFor(-5), trendFor(null)]).toEqual(["improving", "stable", "stable", "declining", "stable"]);
    expect([bandFor(85), bandFor(84.9), bandFor(70), bandFor(50), bandFor(49.9)]).toEqual(["excellent", "good", "good", "needs_improvement", "at_risk"]);
    expect([percent(2, 3), percent(1, 0), round(70.25, 1), round(-2.5), costPer(100, 3), costPer(5, 0)]).toEqual([67, 0, 70.3, -3, 33, 0]);
  });

  it("periods are trailing windows ending now", () => {
    expect(periodRange("quarter", NOW).from.toISOString()).toBe("2026-03-30T00:00:00.000Z");
    expect(YEAR.from.toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(periodRange("all_time", NOW).from.getTime()).toBe(0);
  });
});

describe("metrics on a hand-made portfolio", () => {
  it("score improvement, trends and per-student rows", async () => {
    const rows = await sponsoredStudentRows({ partnerId, range: YEAR });
    const byName = Object.fromEntries(rows.map((r) => [r.name.split(" ")[0], r]));
    expect(Object.keys(byName).sort()).toEqual(["A", "B", "C", "E"]);
    expect(byName.A).toMatchObject({ score_change: 20, performance_trend: "improving", average_score: 65, sponsorship_type: "partial", courses_enrolled: 2, courses_completed: 1, ai_tutor_sessions: 3 });
    expect(byName.B).toMatchObject({ score_change: -2, performance_trend: "stable", average_score: 89 });
    expect(byName.C).toMatchObject({ score_change: -10, performance_trend: "declining", average_score: 55, courses_enrolled: 0 });
    expect(byName.E).toMatchObject({ score_change: 4, performance_trend: "stable", average_score: 72, sponsorship_type: "program" });
    expect(await sponsoredStudentTrends({ partnerId, range: YEAR })).toEqual({
      total: 4, average_score_all: 70.3, improving_count: 1, stable_count: 2, declining_count: 1,
    });
  });

  it("impact: reach, outcomes and return on investment", async () => {
    const impact = await computeImpact({ partnerId, range: YEAR });
    expect(impact).toMatchObject({
      students_reached: 4,
      courses_funded: 2,
      total_investment: 100_000,
      currency: "KES",
      outcomes: {
        average_score_improvement: 3, // (20 − 2 − 10 + 4) / 4
        course_completion_rate: 67, // A1 and E1 of the three enrolments open in the year (A1, A2, E1)
        students_advancing_grade: 1, // A; C's promotion is before the year
        certificates_earned: 2, // A and E; B's is before the year
        ai_tutor_sessions: 3,
      },
      roi_metrics: { cost_per_student: 25_000, cost_per_course_completion: 50_000, cost_per_certificate: 50_000 },
    });
    expect(impact.comparison_to_platform.sponsored_avg_score).toBe(70.3); // mean of 65, 89, 55, 72
    expect(impact.comparison_to_platform.sponsored_completion_rate).toBe(67);

    // Everyone else: computed independently over all other students' assessments in the year.
    const sponsored = [ids.A, ids.B, ids.C, ids.E];
    const [{ avg }] = await getDb().$queryRaw<Array<{ avg: number }>>`
      SELECT ROUND(AVG(s), 1)::float8 AS avg FROM (
        SELECT AVG(score) AS s FROM assessments
         WHERE taken_at >= ${YEAR.from} AND taken_at <= ${YEAR.to} AND NOT (student_id::text = ANY (${sponsored}))
         GROUP BY student_id) x`;
    expect(impact.comparison_to_platform.platform_avg_score).toBe(avg);

    const allTime = await computeImpact({ partnerId, range: periodRange("all_time", NOW) });
    expect(allTime.total_investment).toBe(150_000);
    expect(allTime.outcomes.certificates_earned).toBe(3);
  });

  it("student outcomes: bands, subjects and monthly trend", async () => {
    const outcomes = await computeStudentOutcomes({ partnerId, range: YEAR });
    expect(outcomes.total_students).toBe(4);
    expect(outcomes.by_performance).toEqual({
      excellent: { count: 1, avg_score: 89, percent: 25 },
      good: { count: 1, avg_score: 72, percent: 25 },
      needs_improvement: { count: 2, avg_score: 60, percent: 50 },
      at_risk: { count: 0, avg_score: null, percent: 0 },
    });
    const trend = Object.fromEntries(outcomes.score_trend.map((m) => [m.month, m.avg_score]));
    expect(trend).toEqual({ "2025-12": 50, "2026-01": 70, "2026-02": 70, "2026-05": 70, "2026-06": 73 });
    const grade6 = await computeStudentOutcomes({ partnerId, range: YEAR, gradeLevel: 6 });
    expect(grade6.total_students).toBe(0);
    const science = await computeStudentOutcomes({ partnerId, range: YEAR, subject: "Science" });
    expect(science.total_students).toBe(0); // every test assessment is in Mathematics
  });
});
