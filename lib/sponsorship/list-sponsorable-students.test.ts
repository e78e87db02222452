import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { createSponsorships } from "./create-sponsorships";
import { listSponsorableStudents, sponsorableStudentsQuery } from "./list-sponsorable-students";
import { listStudentFilterOptions } from "./list-student-filter-options";

async function actor(email: string) {
  return actorByEmail(email);
}

const query = (input: Record<string, unknown> = {}) => sponsorableStudentsQuery.parse(input);

describe("students a partner can sponsor", () => {
  it("pages through students by name, leaving out those the partner already sponsors", async () => {
    const partner = await actor("partner@demo.test");
    const db = getDb();
    const expected = await db.student.count({
      where: { sponsorships: { none: { partnerId: partner.organizationId!, status: { in: ["active", "pending"] } } } },
    });
    const first = await listSponsorableStudents({ actor: partner, query: query({ limit: 25 }) });
    expect(first.total).toBe(expected);
    expect(first.total).toBeLessThan(await db.student.count());
    expect(first.pages).toBe(Math.ceil(expected / 25));
    expect(first.students).toHaveLength(25);

    const second = await listSponsorableStudents({ actor: partner, query: query({ limit: 25, page: 2 }) });
    const firstIds = new Set(first.students.map((s) => s.id));
    expect(second.students.some((s) => firstIds.has(s.id))).toBe(false);

    const sponsored = await db.sponsorship.findMany({
      where: { partnerId: partner.organizationId!, status: { in: ["active", "pending"] } },
      select: { studentId: true },
    });
    const sponsoredIds = new Set(sponsored.map((s) => s.studentId));
    expect([...first.students, ...second.students].some((s) => sponsoredIds.has(s.id))).toBe(false);
  });

  it("filters by grade, county and school and names each student's school and county", async () => {
    const partner = await actor("partner@demo.test");
    const options = await listStudentFilterOptions({ actor: partner });
    expect(options.grades.length).toBeGreaterThan(0);
    expect(options.counties.length).toBeGreaterThan(0);
    const county = options.counties[0];
    const inCounty = await listStudentFilterOptions({ actor: partner, countyId: county.id });
    expect(inCounty.schools.length).toBeGreaterThan(0);
    expect(inCounty.schools.every((school) => school.county_id === county.id)).toBe(true);
    expect(inCounty.schools.length).toBeLessThan(options.schools.length);

    const school = inCounty.schools[0];
    const bySchool = await listSponsorableStudents({
      actor: partner,
      query: query({ county_id: county.id, school_id: school.id, limit: 100 }),
    });
    expect(bySchool.total).toBeGreaterThan(0);
    for (const student of bySchool.students) {
      expect(student.school).toEqual({ id: school.id, name: school.name });
      expect(student.county).toEqual({ id: county.id, name: county.name });
    }
    const grade = bySchool.students[0].grade_level;
    const byGrade = await listSponsorableStudents({
      actor: partner,
      query: query({ county_id: county.id, school_id: school.id, grade_level: grade, limit: 100 }),
    });
    expect(byGrade.total).toBeGreaterThan(0);
    expect(byGrade.total).toBe(bySchool.students.filter((s) => s.grade_level === grade).length);
    expect(byGrade.students.every((s) => s.grade_level === grade)).toBe(true);

    const none = await listSponsorableStudents({ actor: partner, query: query({ grade_level: 12, school_id: school.id }) });
    expect(none.students.filter((s) => s.grade_level !== 12)).toEqual([]);
  });

  it("drops a student once the partner sponsors them, but not for another partner", async () => {
    const partner = await actor("partner@demo.test");
    const other = await actor("partner2@demo.test");
    const page = await listSponsorableStudents({ actor: partner, query: query({ limit: 1 }) });
    const student = page.students[0];
    const filter = query({ school_id: student.school.id, grade_level: student.grade_level, limit: 100 });
    const before = await listSponsorableStudents({ actor: partner, query: filter });
    expect(before.students.map((s) => s.id)).toContain(student.id);
    const otherBefore = await listSponsorableStudents({ actor: other, query: filter });

    await createSponsorships({
      actor: partner,
      student_ids: [student.id],
      type: "full_scholarship",
      amount_per_student: 1000,
      currency: "KES",
      start_date: new Date("2027-01-01T00:00:00Z"),
      end_date: new Date("2027-12-31T00:00:00Z"),
    });
    const after = await listSponsorableStudents({ actor: partner, query: filter });
    expect(after.total).toBe(before.total - 1);
    expect(after.students.map((s) => s.id)).not.toContain(student.id);
    const otherAfter = await listSponsorableStudents({ actor: other, query: filter });
    expect(otherAfter.total).toBe(otherBefore.total);
  });

  it("finds students by name, any case, each word matching a first or last name", async () => {
    const partner = await actor("partner@demo.test");
    const all = await listSponsorableStudents({ actor: partner, query: query({ limit: 100 }) });
    const target = all.students[3]!;
    const [firstName, lastName] = target.name.split(" ") as [string, string];
    const byBoth = await listSponsorableStudents({
      actor: partner,
      query: query({ q: `${lastName.toUpperCase()} ${firstName.slice(0, 3).toLowerCase()}` }),
    });
    expect(byBoth.students.map((s) => s.id)).toContain(target.id);
    for (const student of byBoth.students) {
      expect(student.name.toLowerCase()).toContain(lastName.toLowerCase());
      expect(student.name.toLowerCase()).toContain(firstName.slice(0, 3).toLowerCase());
    }
    const byLast = await listSponsorableStudents({ actor: partner, query: query({ q: lastName, limit: 100 }) });
    expect(byLast.total).toBeLessThan(all.total);
    expect(byLast.students.every((s) => s.name.toLowerCase().includes(lastName.toLowerCase()))).toBe(true);
    expect((await listSponsorableStudents({ actor: partner, query: query({ q: "zzqxno-such-name" }) })).total).toBe(0);
  });

  it("is for partners only", async () => {
    const admin = await actor("admin@demo.test");
    await expect(listSponsorableStudents({ actor: admin, query: query() })).rejects.toMatchObject({ status: 403 });
    await expect(listStudentFilterOptions({ actor: admin })).rejects.toMatchObject({ status: 403 });
  });
});
