import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createProgramResponse, listProgramsResponse, programDetailResponse } from "@/lib/sponsorship/schemas/programs";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as getOne } from "./[id]/route";
import { GET as list, POST as create } from "./route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/programs";
let partner: string;
let partner2: string;
let others: Record<string, string>;
let partnerOrg: string;
let courseIds: string[];

beforeAll(async () => {
  [partner, partner2] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("partner2@demo.test")]);
  others = {
    brand: await tokenFor("brand@demo.test"),
    creator: await tokenFor("creator@demo.test"),
    admin: await tokenFor("admin@demo.test"),
  };
  const user = await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
  partnerOrg = user.organizationId!;
  courseIds = (await getDb().course.findMany({ where: { gradeLevel: 5 }, orderBy: { title: "asc" }, take: 2 })).map((c) => c.id);
});

const validBody = () => ({
  name: "Coast Region Digital Literacy 2026",
  description: "Digital literacy program for Grade 4-6 students in Mombasa and Kilifi counties",
  target_students: 30,
  budget: 900000,
  currency: "KES",
  course_ids: courseIds,
  eligibility: { grade_levels: [4, 5, 6], counties: ["Mombasa", "Kilifi"], max_household_income: 50000 },
  start_date: "2026-05-01",
  end_date: "2027-04-30",
});

function fields(body: { detail: Array<{ loc: string[] }> }): string[] {
  return body.detail.map((issue) => issue.loc.join("."));
}

describe("auth on partner program routes", () => {
  it("answers 401 without a token", async () => {
    for (const [handler, options] of [
      [list, {}],
      [create, { body: validBody() }],
      [getOne, { params: { id: "00000000-0000-4000-8000-000000000000" } }],
    ] as const) {
      const res = await call(handler, URL, options);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: "Not authenticated" });
    }
  });

  it("answers 403 to brand, creator and admin tokens", async () => {
    for (const token of Object.values(others)) {
      for (const res of [
        await call(list, URL, { token }),
        await call(create, URL, { token, body: validBody() }),
        await call(getOne, URL, { token, params: { id: "00000000-0000-4000-8000-000000000000" } }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ detail: "Role 'partner' required" });
      }
    }
  });
});

describe("GET /partner/programs", () => {
  it("lists the partner's programs newest first, parsing with the schema", async () => {
    const res = await call(list, URL, { token: partner });
    expect(res.status).toBe(200);
    const body = listProgramsResponse.parse(res.body);
    expect(body).toMatchObject({ total: 3, page: 1, limit: 20, pages: 1 });
    expect(body.programs).toHaveLength(3);
    const created = body.programs.map((p) => p.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    for (const program of body.programs) {
      expect(program.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(program.created_at).toMatch(/T.*Z$/);
      expect(new Set(program.courses).size).toBe(program.courses.length);
    }
    const stem = body.programs.find((p) => p.name === "Nairobi STEM Scholars")!;
    expect(stem.courses).toEqual(["ICT", "Mathematics", "Science"]);
    expect(stem.enrolled_students).toBe(await getDb().programParticipant.count({ where: { programId: stem.id } }));
    // Spent at least covers the completed payments made for the program.
    const paid = await getDb().payment.aggregate({ where: { programId: stem.id, status: "completed" }, _sum: { amountMinor: true } });
    expect(stem.spent).toBeGreaterThanOrEqual(Number(paid._sum.amountMinor ?? 0n) / 100);
    expect(stem.spent).toBeGreaterThan(0);
  });

  it("only shows the caller's programs", async () => {
    const res = await call(list, URL, { token: partner2 });
    const body = listProgramsResponse.parse(res.body);
    expect(body.total).toBe(1);
    expect(body.programs[0].name).toBe("Jenga Tech Young Coders");
  });

  it("filters by status", async () => {
    const planning = listProgramsResponse.parse((await call(list, `${URL}?status=planning`, { token: partner })).body);
    expect(planning.total).toBe(1);
    expect(planning.programs.every((p) => p.status === "planning")).toBe(true);
    const active = listProgramsResponse.parse((await call(list, `${URL}?status=active`, { token: partner })).body);
    expect(active.total).toBe(2);
    expect(active.programs.every((p) => p.status === "active")).toBe(true);
    const paused = listProgramsResponse.parse((await call(list, `${URL}?status=paused`, { token: partner })).body);
    expect(paused).toMatchObject({ total: 0, programs: [], pages: 0 });
    const bad = await call(list, `${URL}?status=nope`, { token: partner });
    expect(bad.status).toBe(422);
    expect(fields(bad.body)).toEqual(["query.status"]);
  });

  it("paginates and checks the bounds", async () => {
    const first = listProgramsResponse.parse((await call(list, `${URL}?limit=2`, { token: partner })).body);
    expect(first).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
    expect(first.programs).toHaveLength(2);
    const second = listProgramsResponse.parse((await call(list, `${URL}?limit=2&page=2`, { token: partner })).body);
    expect(second.programs).toHaveLength(1);
    expect(second.programs[0].id).not.toBe(first.programs[0].id);
    const beyond = listProgramsResponse.parse((await call(list, `${URL}?page=9`, { token: partner })).body);
    expect(beyond.programs).toEqual([]);
    expect(beyond.total).toBe(3);

    const tooMany = await call(list, `${URL}?limit=101`, { token: partner });
    expect(tooMany.status).toBe(422);
    expect(fields(tooMany.body)).toEqual(["query.limit"]);
    const pageZero = await call(list, `${URL}?page=0`, { token: partner });
    expect(pageZero.status).toBe(422);
    expect(fields(pageZero.body)).toEqual(["query.page"]);
  });
});

describe("GET /partner/programs/{id}", () => {
  it("answers the detail with participants, courses and milestones", async () => {
    const stem = await getDb().program.findFirstOrThrow({ where: { partnerId: partnerOrg, name: "Nairobi STEM Scholars" } });
    const res = await call(getOne, `${URL}/${stem.id}`, { token: partner, params: { id: stem.id } });
    expect(res.status).toBe(200);
    const body = programDetailResponse.parse(res.body);
    const participants = await getDb().programParticipant.count({ where: { programId: stem.id } });
    expect(body.enrolled_students).toBe(participants);
    expect(Object.values(body.participants.by_grade).reduce((a, b) => a + b, 0)).toBe(participants);
    expect(Object.values(body.participants.by_county).reduce((a, b) => a + b, 0)).toBe(participants);
    expect(Object.keys(body.participants.by_grade).every((g) => ["6", "7", "8"].includes(g))).toBe(true);
    expect(Object.keys(body.participants.by_county).every((c) => ["Nairobi", "Kiambu"].includes(c))).toBe(true);
    expect(body.participants.average_score).toBeGreaterThan(0);
    expect(body.participants.average_score).toBeLessThanOrEqual(100);
    expect(body.participants.completion_rate).toBeGreaterThanOrEqual(0);
    expect(body.participants.completion_rate).toBeLessThanOrEqual(100);
    expect(Number.isInteger(body.participants.completion_rate)).toBe(true);
    expect(body.courses).toHaveLength(await getDb().programCourse.count({ where: { programId: stem.id } }));
    expect(body.courses.some((c) => c.enrolled > 0)).toBe(true);
    expect(body.courses.every((c) => c.enrolled <= participants)).toBe(true);
    expect(body.remaining).toBe(body.budget - body.spent);
    expect(body.eligibility).toEqual({ grade_levels: [6, 7, 8], counties: ["Nairobi", "Kiambu"], max_household_income: 35000 });
    expect(body.milestones.length).toBeGreaterThan(0);
    const dates = body.milestones.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("gives a program without participants null average and 0 completion", async () => {
    const rift = await getDb().program.findFirstOrThrow({ where: { partnerId: partnerOrg, status: "planning" } });
    const body = programDetailResponse.parse((await call(getOne, `${URL}/${rift.id}`, { token: partner, params: { id: rift.id } })).body);
    expect(body.participants).toEqual({ by_grade: {}, by_county: {}, average_score: null, completion_rate: 0 });
    expect(body.enrolled_students).toBe(0);
  });

  it("answers 404 for another partner's program and for ids that are not UUIDs", async () => {
    const stem = await getDb().program.findFirstOrThrow({ where: { partnerId: partnerOrg } });
    const foreign = await call(getOne, `${URL}/${stem.id}`, { token: partner2, params: { id: stem.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "Program not found" });
    for (const id of ["prog-001", "1", "00000000-0000-4000-8000-000000000000"]) {
      const res = await call(getOne, `${URL}/${id}`, { token: partner, params: { id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Program not found" });
    }
  });
});

describe("POST /partner/programs", () => {
  it("creates a planning program with courses and eligibility", async () => {
    const res = await call(create, URL, { token: partner, body: validBody() });
    expect(res.status).toBe(201);
    const body = createProgramResponse.parse(res.body);
    expect(body).toMatchObject({ name: "Coast Region Digital Literacy 2026", status: "planning", target_students: 30, budget: 900000 });
    expect(body.message).toBe("Program created successfully. Student enrollment can begin after payment.");

    const row = await getDb().program.findUniqueOrThrow({ where: { id: body.id }, include: { courses: true } });
    expect(row.partnerId).toBe(partnerOrg);
    expect(row.budgetMinor).toBe(90_000_000n);
    expect(row.eligibility).toEqual(validBody().eligibility);
    expect(row.courses.map((c) => c.courseId).sort()).toEqual([...courseIds].sort());

    const detail = programDetailResponse.parse((await call(getOne, `${URL}/${body.id}`, { token: partner, params: { id: body.id } })).body);
    expect(detail).toMatchObject({
      status: "planning",
      spent: 0,
      remaining: 900000,
      start_date: "2026-05-01",
      end_date: "2027-04-30",
      milestones: [],
    });
    expect(detail.courses.map((c) => c.id).sort()).toEqual([...courseIds].sort());
    expect(detail.eligibility).toEqual(validBody().eligibility);

    const listed = listProgramsResponse.parse((await call(list, URL, { token: partner })).body);
    expect(listed.total).toBe(4);
    expect(listed.programs[0].id).toBe(body.id);
  });

  it("defaults the currency and accepts a program without courses", async () => {
    const body: Record<string, unknown> = { ...validBody(), name: "Minimal" };
    for (const key of ["currency", "course_ids", "eligibility"]) delete body[key];
    const res = await call(create, URL, { token: partner2, body });
    expect(res.status).toBe(201);
    const row = await getDb().program.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ currency: "KES", eligibility: null });
  });

  it("rejects unknown course ids with 422 naming course_ids", async () => {
    const before = await getDb().program.count();
    const res = await call(create, URL, {
      token: partner,
      body: { ...validBody(), course_ids: [courseIds[0], "00000000-0000-4000-8000-000000000000"] },
    });
    expect(res.status).toBe(422);
    expect(fields(res.body)).toEqual(["body.course_ids"]);
    expect(await getDb().program.count()).toBe(before);
  });

  it.each([
    ["name", { name: "" }],
    ["name", { name: undefined }],
    ["description", { description: undefined }],
    ["target_students", { target_students: 0 }],
    ["target_students", { target_students: 2.5 }],
    ["budget", { budget: -1 }],
    ["budget", { budget: "lots" }],
    ["currency", { currency: "KSHS" }],
    ["course_ids.0", { course_ids: ["course-020"] }],
    ["eligibility.grade_levels.0", { eligibility: { grade_levels: [13] } }],
    ["eligibility", { eligibility: { religion: "any" } }],
    ["eligibility.max_household_income", { eligibility: { max_household_income: 0 } }],
    ["start_date", { start_date: "2026-02-30" }],
    ["start_date", { start_date: undefined }],
    ["end_date", { end_date: "2026-04-01" }],
  ])("answers 422 naming %s", async (field, change) => {
    const res = await call(create, URL, { token: partner, body: { ...validBody(), ...change } });
    expect(res.status).toBe(422);
    expect(Array.isArray(res.body.detail)).toBe(true);
    for (const issue of res.body.detail) expect(Object.keys(issue).sort()).toEqual(["loc", "msg", "type"]);
    expect(fields(res.body)).toContain(`body.${field}`);
  });

  it("answers 422 for a missing or malformed body", async () => {
    expect((await call(create, URL, { token: partner, method: "POST" })).status).toBe(422);
    expect((await call(create, URL, { token: partner, rawBody: "{nope", headers: { "content-type": "application/json" } })).status).toBe(
      422,
    );
  });
});
