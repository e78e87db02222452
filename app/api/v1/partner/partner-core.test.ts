/**
 * Dashboard, sponsorships, sponsored students and impact endpoints, through the real
 * route handlers on a seeded database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createSponsorshipsResponse, listSponsorshipsResponse, sponsorshipDetailResponse } from "@/lib/sponsorship/schemas/sponsorships";
import { dashboardStatsResponse } from "@/lib/sponsorship/schemas/dashboard";
import { impactResponse, studentOutcomesResponse } from "@/lib/sponsorship/schemas/impact";
import { sponsoredStudentsResponse } from "@/lib/sponsorship/schemas/students";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as dashboard } from "./dashboard/stats/route";
import { GET as impact } from "./impact/route";
import { GET as outcomes } from "./impact/student-outcomes/route";
import { GET as sponsoredStudents } from "./sponsored-students/route";
import { GET as sponsorship } from "./sponsorships/[id]/route";
import { GET as listSponsorships, POST as createSponsorships } from "./sponsorships/route";

let partner: string;
let partner2: string;
let brand: string;
let creator: string;
let admin: string;

beforeAll(async () => {
  [partner, partner2, brand, creator, admin] = await Promise.all(
    ["partner@demo.test", "partner2@demo.test", "brand@demo.test", "creator@demo.test", "admin@demo.test"].map(tokenFor),
  );
});

const routes = [
  ["dashboard", dashboard, "/api/v1/partner/dashboard/stats", {}],
  ["sponsorships", listSponsorships, "/api/v1/partner/sponsorships", {}],
  ["sponsored students", sponsoredStudents, "/api/v1/partner/sponsored-students", {}],
  ["impact", impact, "/api/v1/partner/impact", {}],
  ["student outcomes", outcomes, "/api/v1/partner/impact/student-outcomes", {}],
] as const;

describe("access", () => {
  it.each(routes)("%s: 401 without a token, 403 for other roles", async (_name, handler, url) => {
    const anonymous = await call(handler, url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: "Not authenticated" });
    for (const token of [brand, creator, admin]) {
      const res = await call(handler, url, { token });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: "Role 'partner' required" });
    }
    expect((await call(handler, url, { token: "not-a-token" })).status).toBe(401);
  });

  it("hides another partner's sponsorship (404), and answers 404 for ids that are not UUIDs", async () => {
    const other = await getDb().sponsorship.findFirstOrThrow({ where: { partner: { users: { some: { email: "partner2@demo.test" } } } } });
    const asOwner = await call(sponsorship, `/api/v1/partner/sponsorships/${other.id}`, { token: partner2, params: { id: other.id } });
    expect(asOwner.status).toBe(200);
    const asOther = await call(sponsorship, `/api/v1/partner/sponsorships/${other.id}`, { token: partner, params: { id: other.id } });
    expect(asOther.status).toBe(404);
    expect(asOther.body).toEqual({ detail: "Sponsorship not found" });
    expect((await call(sponsorship, "/api/v1/partner/sponsorships/spn-012", { token: partner, params: { id: "spn-012" } })).status).toBe(
      404,
    );
    expect((await call(sponsorship, "/x", { token: brand, params: { id: other.id } })).status).toBe(403);
  });
});

describe("GET /partner/sponsorships", () => {
  it("pages through every sponsorship exactly once", async () => {
    const first = await call(listSponsorships, "/api/v1/partner/sponsorships?limit=20", { token: partner });
    expect(first.status).toBe(200);
    const body = listSponsorshipsResponse.parse(first.body);
    expect(body.pages).toBe(Math.ceil(body.total / 20));
    const seen = new Set<string>();
    for (let page = 1; page <= body.pages; page++) {
      const res = await call(listSponsorships, `/api/v1/partner/sponsorships?limit=20&page=${page}`, { token: partner });
      for (const s of res.body.sponsorships) seen.add(s.id);
    }
    expect(seen.size).toBe(body.total);
    const beyond = await call(listSponsorships, `/api/v1/partner/sponsorships?page=${body.pages + 1}`, { token: partner });
    expect(beyond.body.sponsorships).toEqual([]);
    expect(beyond.body.total).toBe(body.total);
  });

  it.each([
    ["limit=101", "limit"],
    ["limit=0", "limit"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["status=paused", "status"],
    ["sort_by=grade", "sort_by"],
    ["sort_order=up", "sort_order"],
  ])("rejects %s with 422 naming the parameter", async (query, parameter) => {
    const res = await call(listSponsorships, `/api/v1/partner/sponsorships?${query}`, { token: partner });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc)).toContainEqual(["query", parameter]);
  });

  it.each(["active", "pending", "completed", "cancelled"])("filters by status=%s", async (status) => {
    const res = await call(listSponsorships, `/api/v1/partner/sponsorships?status=${status}&limit=100`, { token: partner });
    expect(res.status).toBe(200);
    expect(res.body.sponsorships.every((s: { status: string }) => s.status === status)).toBe(true);
    const partnerId = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
    expect(res.body.total).toBe(await getDb().sponsorship.count({ where: { partnerId, status: status as never } }));
  });

  const sorted = <T>(values: T[], order: "asc" | "desc") => {
    const copy = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return order === "asc" ? copy : copy.reverse();
  };

  it.each([
    ["created_at", (s: any) => s.created_at],
    ["amount", (s: any) => s.total_amount],
    ["end_date", (s: any) => s.end_date],
  ] as const)("sorts by %s both ways", async (sortBy, key) => {
    for (const order of ["asc", "desc"] as const) {
      const res = await call(listSponsorships, `/api/v1/partner/sponsorships?sort_by=${sortBy}&sort_order=${order}&limit=100`, {
        token: partner,
      });
      const values = res.body.sponsorships.map(key);
      expect(values).toEqual(sorted(values, order));
    }
  });

  it("sorts by student.name as returned, by code point, with ties broken by id in the same direction", async () => {
    for (const order of ["asc", "desc"] as const) {
      const res = await call(listSponsorships, `/api/v1/partner/sponsorships?sort_by=student_name&sort_order=${order}&limit=100`, {
        token: partner,
      });
      const rows = res.body.sponsorships.map((s: any) => [s.student.name, s.id] as [string, string]);
      const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const sorted = [...rows].sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
      expect(rows).toEqual(order === "asc" ? sorted : sorted.reverse());
    }
  });

  it("computes disbursed amounts and covered courses from the records", async () => {
    const res = await call(listSponsorships, "/api/v1/partner/sponsorships?status=active&limit=100", { token: partner });
    const item = res.body.sponsorships.find((s: any) => s.amount_disbursed > 0);
    const disbursed = await getDb().disbursement.aggregate({ where: { sponsorshipId: item.id }, _sum: { amountMinor: true } });
    expect(item.amount_disbursed).toBe(Number(disbursed._sum.amountMinor) / 100);
    const covered = await getDb().sponsorshipCourse.count({ where: { sponsorshipId: item.id } });
    expect(item.courses_covered).toHaveLength(covered);
  });
});

describe("GET /partner/sponsorships/{id}", () => {
  it("shows courses, money and timeline that add up", async () => {
    const list = await call(listSponsorships, "/api/v1/partner/sponsorships?status=active&limit=1", { token: partner });
    const id = list.body.sponsorships[0].id;
    const res = await call(sponsorship, `/api/v1/partner/sponsorships/${id}`, { token: partner, params: { id } });
    expect(res.status).toBe(200);
    const body = sponsorshipDetailResponse.parse(res.body);
    const history = body.financial.disbursement_history.reduce((sum, d) => sum + d.amount, 0);
    expect(body.financial.amount_disbursed).toBeCloseTo(history, 2);
    expect(body.financial.amount_remaining).toBeCloseTo(body.financial.total_amount - body.financial.amount_disbursed, 2);
    expect(body.timeline[0].event).toBe("Sponsorship created");
    expect(body.courses.length).toBeGreaterThan(0);
  });
});

describe("POST /partner/sponsorships", () => {
  async function freeStudents(count: number) {
    return getDb().student.findMany({ where: { sponsorships: { none: {} } }, take: count, orderBy: { id: "asc" }, select: { id: true } });
  }

  it("creates one pending sponsorship per student, all or none", async () => {
    const students = await freeStudents(2);
    const course = await getDb().course.findFirstOrThrow();
    const res = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: {
        student_ids: students.map((s) => s.id),
        type: "course_specific",
        course_ids: [course.id],
        amount_per_student: 25000,
        start_date: "2027-03-01",
        end_date: "2027-12-31",
        notes: "Grade 5 maths",
      },
    });
    expect(res.status).toBe(201);
    const body = createSponsorshipsResponse.parse(res.body);
    expect(body).toMatchObject({ sponsorships_created: 2, total_amount: 50000, currency: "KES", status: "pending" });
    const created = await getDb().sponsorship.findMany({ where: { id: { in: body.sponsorship_ids } }, include: { courses: true } });
    expect(created.map((s) => s.status)).toEqual(["pending", "pending"]);
    expect(created.every((s) => s.amountMinor === 2_500_000n && s.courses.length === 1)).toBe(true);

    // The same students again, overlapping: 409 and nothing created.
    const before = await getDb().sponsorship.count();
    const again = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { student_ids: [students[0].id], type: "partial", amount_per_student: 1000, start_date: "2027-06-01", end_date: "2028-01-31" },
    });
    expect(again.status).toBe(409);
    expect(typeof again.body.detail).toBe("string");
    expect(await getDb().sponsorship.count()).toBe(before);

    // Another partner may sponsor the same student for the same dates.
    const other = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner2,
      body: { student_ids: [students[0].id], type: "partial", amount_per_student: 1000, start_date: "2027-06-01", end_date: "2028-01-31" },
    });
    expect(other.status).toBe(201);
  });

  const valid = { type: "partial", amount_per_student: 1000, start_date: "2027-01-01", end_date: "2027-06-30" };

  it.each([
    ["course_ids missing for course_specific", { type: "course_specific" }, "course_ids"],
    ["end before start", { end_date: "2026-12-31" }, "end_date"],
    ["end equal to start", { end_date: "2027-01-01" }, "end_date"],
    ["zero amount", { amount_per_student: 0 }, "amount_per_student"],
    ["negative amount", { amount_per_student: -5 }, "amount_per_student"],
    ["fractional amount", { amount_per_student: 10.5 }, "amount_per_student"],
    ["unknown type", { type: "gift" }, "type"],
    ["bad date", { start_date: "2027-02-30" }, "start_date"],
    ["bad currency", { currency: "shillings" }, "currency"],
    ["empty student list", { student_ids: [] }, "student_ids"],
    ["a student id that is not a UUID", { student_ids: ["student-045"] }, "student_ids"],
  ])("rejects %s with 422 naming the field", async (_label, change, field) => {
    const [student] = await freeStudents(1);
    const before = await getDb().sponsorship.count();
    const res = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { student_ids: [student.id], ...valid, ...change },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc.slice(0, 2))).toContainEqual(["body", field]);
    expect(await getDb().sponsorship.count()).toBe(before);
  });

  it("rejects unknown students and courses with 422, creating nothing", async () => {
    const [student] = await freeStudents(1);
    const before = await getDb().sponsorship.count();
    const unknown = "00000000-0000-4000-8000-000000000000";
    const res = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { ...valid, student_ids: [student.id, unknown], type: "course_specific", course_ids: [unknown] },
    });
    expect(res.status).toBe(422);
    const locs = res.body.detail.map((d: { loc: string[] }) => d.loc.join("."));
    expect(locs).toEqual(["body.student_ids", "body.course_ids"]);
    expect(await getDb().sponsorship.count()).toBe(before);
  });

  it("honours Idempotency-Key: a repeat returns the first response and creates nothing", async () => {
    const [student] = await freeStudents(1);
    const body = { ...valid, student_ids: [student.id], start_date: "2029-01-01", end_date: "2029-06-30" };
    const headers = { "idempotency-key": `test-${student.id}` };
    const first = await call(createSponsorships, "/api/v1/partner/sponsorships", { token: partner, body, headers });
    expect(first.status).toBe(201);
    const count = await getDb().sponsorship.count();
    const repeat = await call(createSponsorships, "/api/v1/partner/sponsorships", { token: partner, body, headers });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().sponsorship.count()).toBe(count);
    const different = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { ...body, amount_per_student: 999 },
      headers,
    });
    expect(different.status).toBe(422);
    expect(await getDb().sponsorship.count()).toBe(count);
  });

  it("creates a student's sponsorship once under concurrent identical requests", async () => {
    const [student] = await freeStudents(1);
    const body = { ...valid, student_ids: [student.id], start_date: "2030-01-01", end_date: "2030-06-30" };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(createSponsorships, "/api/v1/partner/sponsorships", { token: partner, body })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await getDb().sponsorship.count({ where: { studentId: student.id, startDate: new Date("2030-01-01") } })).toBe(1);
  });
});

describe("sponsored students, impact and outcomes", () => {
  it("GET /sponsored-students filters by grade, county and performance, with aggregates of the filtered set", async () => {
    const all = sponsoredStudentsResponse.parse(
      (await call(sponsoredStudents, "/api/v1/partner/sponsored-students?limit=100", { token: partner })).body,
    );
    expect(all.aggregate.improving_count + all.aggregate.stable_count + all.aggregate.declining_count).toBe(all.total);
    for (const performance of ["improving", "stable", "declining"] as const) {
      const res = await call(sponsoredStudents, `/api/v1/partner/sponsored-students?performance=${performance}&limit=100`, {
        token: partner,
      });
      expect(res.body.students.every((s: any) => s.performance_trend === performance)).toBe(true);
      expect(res.body.total).toBe(all.aggregate[`${performance}_count`]);
    }
    const grade = all.students[0].grade_level;
    const byGrade = await call(sponsoredStudents, `/api/v1/partner/sponsored-students?grade_level=${grade}&limit=100`, { token: partner });
    expect(byGrade.body.students.every((s: any) => s.grade_level === grade)).toBe(true);
    const everyone = [...all.students];
    for (let page = 2; page <= all.pages; page++) {
      everyone.push(
        ...(await call(sponsoredStudents, `/api/v1/partner/sponsored-students?limit=100&page=${page}`, { token: partner })).body.students,
      );
    }
    expect(everyone).toHaveLength(all.total);
    expect(byGrade.body.total).toBe(everyone.filter((s) => s.grade_level === grade).length);
    const county = all.students[0].county;
    const byCounty = await call(
      sponsoredStudents,
      `/api/v1/partner/sponsored-students?county=${encodeURIComponent(county.toLowerCase())}`,
      { token: partner },
    );
    expect(byCounty.body.total).toBeGreaterThan(0);
    expect(byCounty.body.students.every((s: any) => s.county === county)).toBe(true);
    const bad = await call(sponsoredStudents, "/api/v1/partner/sponsored-students?performance=great", { token: partner });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "performance"]);
  });

  it.each(["quarter", "year", "all_time"])("GET /impact?period=%s matches its schema", async (period) => {
    const res = await call(impact, `/api/v1/partner/impact?period=${period}`, { token: partner });
    expect(res.status).toBe(200);
    const body = impactResponse.parse(res.body);
    expect(body.period).toBe(period);
    expect(body.students_reached).toBeGreaterThan(0);
  });

  it("GET /impact defaults to a year and rejects unknown periods", async () => {
    expect((await call(impact, "/api/v1/partner/impact", { token: partner })).body.period).toBe("year");
    const bad = await call(impact, "/api/v1/partner/impact?period=decade", { token: partner });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "period"]);
  });

  it("GET /impact/student-outcomes: bands add up, subject and grade filters apply", async () => {
    const res = await call(outcomes, "/api/v1/partner/impact/student-outcomes?period=all_time", { token: partner });
    const body = studentOutcomesResponse.parse(res.body);
    const bands = Object.values(body.by_performance);
    expect(bands.reduce((sum, b) => sum + b.count, 0)).toBe(body.total_students);
    expect(body.score_trend.length).toBeGreaterThanOrEqual(12);
    expect(body.by_subject.map((s) => s.subject)).toContain("Social Studies");

    const maths = studentOutcomesResponse.parse(
      (await call(outcomes, "/api/v1/partner/impact/student-outcomes?period=all_time&subject=Mathematics", { token: partner })).body,
    );
    expect(maths.by_subject.map((s) => s.subject)).toEqual(["Mathematics"]);
    const grade5 = studentOutcomesResponse.parse(
      (await call(outcomes, "/api/v1/partner/impact/student-outcomes?period=all_time&grade_level=5", { token: partner })).body,
    );
    expect(grade5.total_students).toBeLessThan(body.total_students);
    for (const [query, parameter] of [
      ["subject=Art", "subject"],
      ["grade_level=x", "grade_level"],
      ["period=month", "period"],
    ]) {
      const bad = await call(outcomes, `/api/v1/partner/impact/student-outcomes?${query}`, { token: partner });
      expect(bad.status).toBe(422);
      expect(bad.body.detail[0].loc).toEqual(["query", parameter]);
    }
  });
});

describe("one quantity, one answer", () => {
  it("the dashboard agrees with the lists and with all-time impact", async () => {
    const stats = dashboardStatsResponse.parse((await call(dashboard, "/api/v1/partner/dashboard/stats", { token: partner })).body);
    const sponsorships = (await call(listSponsorships, "/api/v1/partner/sponsorships", { token: partner })).body;
    const active = (await call(listSponsorships, "/api/v1/partner/sponsorships?status=active", { token: partner })).body;
    const students = (await call(sponsoredStudents, "/api/v1/partner/sponsored-students", { token: partner })).body;
    const allTime = (await call(impact, "/api/v1/partner/impact?period=all_time", { token: partner })).body;

    expect(stats.stats.total_sponsorships).toBe(sponsorships.total);
    expect(stats.stats.active_sponsorships).toBe(active.total);
    expect(stats.stats.total_students_sponsored).toBe(students.total);
    expect(stats.stats.total_students_sponsored).toBe(allTime.students_reached);
    expect(stats.stats.total_invested).toBe(allTime.total_investment);
    expect(stats.stats.total_invested).toBe(stats.payment_summary.total_paid);
    expect(stats.stats.average_student_score_improvement).toBe(allTime.outcomes.average_score_improvement);
    expect(stats.stats.courses_funded).toBe(allTime.courses_funded);
    expect(stats.impact_snapshot).toEqual({
      students_improving: students.aggregate.improving_count,
      students_stable: students.aggregate.stable_count,
      students_declining: students.aggregate.declining_count,
      students_not_measured: students.aggregate.not_measured_count,
      overall_completion_rate: allTime.outcomes.course_completion_rate,
    });
    expect(stats.stats.programs_active).toBe(2);
    expect(stats.payment_summary.next_scheduled_payment).not.toBeNull();
    expect(stats.recent_milestones.length).toBeGreaterThan(0);
  });

  it("partners see only their own portfolio", async () => {
    const one = dashboardStatsResponse.parse((await call(dashboard, "/api/v1/partner/dashboard/stats", { token: partner })).body);
    const two = dashboardStatsResponse.parse((await call(dashboard, "/api/v1/partner/dashboard/stats", { token: partner2 })).body);
    expect(two.stats.total_sponsorships).toBeLessThan(one.stats.total_sponsorships);
    const listOne = (await call(listSponsorships, "/api/v1/partner/sponsorships?limit=100", { token: partner })).body.sponsorships.map(
      (s: any) => s.id,
    );
    const listTwo = (await call(listSponsorships, "/api/v1/partner/sponsorships?limit=100", { token: partner2 })).body.sponsorships.map(
      (s: any) => s.id,
    );
    expect(listOne.filter((id: string) => listTwo.includes(id))).toEqual([]);
  });
});
