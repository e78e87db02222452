/**
 * A program's outcomes by the attribution rule, and the partner's targets against them,
 * on a hand-made program whose figures are worked out in the comments. The program ran
 * 2026-01-01 to 2026-06-30 and was funded on 2026-02-01, so every figure is final.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { programDetailResponse } from "@/lib/sponsorship/schemas/programs";
import { programTargetsResponse } from "@/lib/sponsorship/schemas/program-targets";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as getOne } from "./[id]/route";
import { GET as getTargets, PUT as putTargets } from "./[id]/targets/route";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let partner: string;
let partner2: string;
let brand: string;
let programId: string;
const url = () => `/api/v1/partner/programs/${programId}/targets`;

beforeAll(async () => {
  const db = getDb();
  [partner, partner2, brand] = await Promise.all([
    tokenFor("partner@demo.test"),
    tokenFor("partner2@demo.test"),
    tokenFor("brand@demo.test"),
  ]);
  const partnerId = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
  const county = (await db.county.findFirstOrThrow({ where: { students: { none: {} } }, orderBy: { code: "asc" } })).id;
  const school = (await db.school.create({ data: { name: "Targets School", countyId: county } })).id;
  const [math, science] = await db.course.findMany({
    where: { gradeLevel: 5, subject: { in: ["Mathematics", "Science"] } },
    orderBy: { subject: "asc" },
  });
  const program = await db.program.create({
    data: {
      partnerId,
      name: "Targets programme",
      description: "Hand-made",
      status: "active",
      targetStudents: 4,
      budgetMinor: 10_000_000n,
      startDate: d("2026-01-01"),
      endDate: d("2026-06-30"),
      activatedAt: d("2026-02-01"),
      courses: { create: [{ courseId: math!.id }] },
    },
  });
  programId = program.id;
  const student = async (name: string, enrolledAt: string) => {
    const row = await db.student.create({
      data: {
        firstName: name,
        lastName: "Targets",
        gender: "male",
        gradeLevel: 5,
        schoolId: school,
        countyId: county,
        dateOfBirth: d("2015-05-05"),
      },
    });
    await db.programParticipant.create({ data: { programId, studentId: row.id, enrolledAt: d(enrolledAt) } });
    return row.id;
  };
  const assess = (studentId: string, rows: Array<[string, number]>) =>
    db.assessment.createMany({
      data: rows.map(([day, score]) => ({ studentId, courseId: math!.id, kind: "quiz", score, takenAt: d(day) })),
    });

  // X joined 2026-01-15 but is funded from the program's funding, 2026-02-01. Baseline
  // (2025-11-03 up to 2026-02-01): 50 and 60, 55. Funded: 70, 80, 90; the recent months
  // (April to June, the last three up to the end) 80 and 90, 85. Change +30. The 100 of
  // July came after the program ended. One completion of the program's course while
  // funded; one certificate while funded, one before.
  const x = await student("X", "2026-01-15");
  await assess(x, [
    ["2025-12-01", 50],
    ["2026-01-20", 60],
    ["2026-03-10", 70],
    ["2026-05-05", 80],
    ["2026-06-20", 90],
    ["2026-07-15", 100],
  ]);
  await db.enrollment.create({
    data: { studentId: x, courseId: math!.id, status: "completed", enrolledAt: d("2026-02-10"), completedAt: d("2026-05-01") },
  });
  await db.certificate.createMany({
    data: [
      { studentId: x, title: "Funded", issuedAt: d("2026-05-02") },
      { studentId: x, title: "Before", issuedAt: d("2026-01-25") },
    ],
  });

  // Y joined 2026-03-01 with nothing in the 90 days before: no baseline, not measured.
  // Funded 40 and 60. The program's course is still open at the end.
  const y = await student("Y", "2026-03-01");
  await assess(y, [
    ["2026-04-10", 40],
    ["2026-06-01", 60],
  ]);
  await db.enrollment.create({ data: { studentId: y, courseId: math!.id, status: "in_progress", enrolledAt: d("2026-03-05") } });

  // Z joined 2026-02-15. Baseline 70 (2025-12-20); recent 60; change −10. The program's
  // course was completed before the funding, the other course is not the program's.
  // A certificate while funded.
  const z = await student("Z", "2026-02-15");
  await assess(z, [
    ["2025-12-20", 70],
    ["2026-04-15", 60],
  ]);
  await db.enrollment.createMany({
    data: [
      { studentId: z, courseId: math!.id, status: "completed", enrolledAt: d("2025-11-01"), completedAt: d("2026-01-10") },
      { studentId: z, courseId: science!.id, status: "completed", enrolledAt: d("2026-02-20"), completedAt: d("2026-04-01") },
    ],
  });
  await db.certificate.create({ data: { studentId: z, title: "Funded", issuedAt: d("2026-06-29") } });

  // W joined after the program ended: never funded by it.
  const w = await student("W", "2026-08-01");
  await assess(w, [["2026-08-10", 10]]);
});

// Funded scores 70, 80, 90, 40, 60, 60: 400 / 6 = 66.7. Completion 1 of 2 (X's done,
// Y's open): 50%. Certificates 2. Improvement (30 − 10) / 2 = 10, two measured, Y not.
const expectedOutcomes = {
  average_score: 66.7,
  completion_rate: 50,
  certificates: 2,
  average_score_improvement: 10,
  students_measured: 2,
  students_not_measured: 1,
};

describe("a program's outcomes and targets", () => {
  it("count only what participants did while the program funded them", async () => {
    const res = await call(getOne, `/api/v1/partner/programs/${programId}`, { token: partner, params: { id: programId } });
    expect(res.status).toBe(200);
    const body = programDetailResponse.parse(res.body);
    expect(body.outcomes).toEqual(expectedOutcomes);
    expect(body.participants).toMatchObject({ average_score: 66.7, completion_rate: 50 });
    expect(body.enrolled_students).toBe(4);
    expect(body.targets).toEqual([]);
  });

  it("are set as a whole set and shown with progress", async () => {
    const put = await call(putTargets, url(), {
      token: partner,
      method: "PUT",
      params: { id: programId },
      body: {
        targets: [
          { metric: "certificates", target: 4 },
          { metric: "score_improvement", target: 8 },
          { metric: "completion_rate", target: 80 },
        ],
      },
    });
    expect(put.status).toBe(200);
    // 10 of 8 points: 125%, met; 50 of 80%: 62.5, shown 63; 2 of 4 certificates: 50%.
    expect(programTargetsResponse.parse(put.body).targets).toEqual([
      { metric: "score_improvement", target: 8, actual: 10, progress: 125, met: true },
      { metric: "completion_rate", target: 80, actual: 50, progress: 63, met: false },
      { metric: "certificates", target: 4, actual: 2, progress: 50, met: false },
    ]);
    const got = await call(getTargets, url(), { token: partner, params: { id: programId } });
    expect(got.body).toEqual(put.body);
    const detail = await call(getOne, `/api/v1/partner/programs/${programId}`, { token: partner, params: { id: programId } });
    expect(detail.body.targets).toEqual(put.body.targets);

    // The same body again changes nothing; a smaller set replaces the larger one.
    expect(
      (
        await call(putTargets, url(), {
          token: partner,
          method: "PUT",
          params: { id: programId },
          body: { targets: [{ metric: "certificates", target: 2 }] },
        })
      ).body,
    ).toEqual({
      targets: [{ metric: "certificates", target: 2, actual: 2, progress: 100, met: true }],
    });
    expect(await getDb().programTarget.count({ where: { programId } })).toBe(1);
  });

  it("refuse bad targets with a 422 naming the field, and change nothing", async () => {
    const before = await getDb().programTarget.findMany({ where: { programId }, orderBy: { metric: "asc" } });
    for (const [targets, loc] of [
      [
        [
          { metric: "certificates", target: 2 },
          { metric: "certificates", target: 3 },
        ],
        "body.targets.1.metric",
      ],
      [[{ metric: "completion_rate", target: 150 }], "body.targets.0.target"],
      [[{ metric: "certificates", target: 2.5 }], "body.targets.0.target"],
      [[{ metric: "score_improvement", target: -3 }], "body.targets.0.target"],
      [[{ metric: "attendance", target: 3 }], "body.targets.0.metric"],
    ] as const) {
      const res = await call(putTargets, url(), { token: partner, method: "PUT", params: { id: programId }, body: { targets } });
      expect(res.status, JSON.stringify(targets)).toBe(422);
      expect(res.body.detail.map((issue: { loc: string[] }) => issue.loc.join("."))).toContain(loc);
    }
    expect(await getDb().programTarget.findMany({ where: { programId }, orderBy: { metric: "asc" } })).toEqual(before);
  });

  it("belong to the program's partner alone", async () => {
    const before = await getDb().programTarget.count({ where: { programId } });
    for (const handler of [getTargets, putTargets]) {
      const res = await call(handler, url(), {
        token: partner2,
        method: handler === putTargets ? "PUT" : "GET",
        params: { id: programId },
        ...(handler === putTargets ? { body: { targets: [] } } : {}),
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Program not found" });
    }
    const wrongRole = await call(putTargets, url(), { token: brand, method: "PUT", params: { id: programId }, body: { targets: [] } });
    expect(wrongRole.status).toBe(403);
    expect((await call(getTargets, url(), { params: { id: programId } })).status).toBe(401);
    expect(await getDb().programTarget.count({ where: { programId } })).toBe(before);
  });
});
