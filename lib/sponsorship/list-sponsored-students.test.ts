import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { listSponsoredStudents, type ListSponsoredStudentsOptions } from "./list-sponsored-students";
import { STUDENT_CSV_COLUMNS, studentsCsv } from "./students-csv";

type Filters = Omit<ListSponsoredStudentsOptions, "actor" | "page" | "limit">;

/** Every page of the list, a few rows at a time. */
async function allPages(actor: Actor, filters: Filters, limit = 100) {
  const students = [];
  for (let page = 1; ; page++) {
    const result = await listSponsoredStudents({ actor, page, limit, ...filters });
    students.push(...result.students);
    if (page >= result.pages) return { students, total: result.total };
  }
}

const matching = <T extends { name: string; school: string }>(rows: T[], needle: string) =>
  rows.filter((row) => [row.name, row.school].some((text) => text.toLowerCase().includes(needle.toLowerCase())));

describe("searching the sponsored students list", () => {
  it("matches the full name or the school in any case across every page, with the other filters", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const { students: everyone } = await allPages(partner, {});
    expect(everyone.length).toBeGreaterThan(3);
    const student = everyone[1]!;
    const school = everyone.find((row) => matching(everyone, row.school).length > 1)?.school;
    expect(school, "the demo data has a school several of the partner's students attend").toBeDefined();

    for (const needle of [student.name.toUpperCase(), student.name.split(" ")[1]!.toLowerCase(), school!.toUpperCase()]) {
      const expected = matching(everyone, needle);
      const found = await allPages(partner, { q: needle }, 2);
      expect(found.total, needle).toBe(expected.length);
      expect(found.students.map((row) => row.id).sort(), needle).toEqual(expected.map((row) => row.id).sort());
    }

    const { grade_level: gradeLevel, county } = matching(everyone, school!)[0]!;
    const narrowed = await allPages(partner, { q: school, gradeLevel, county }, 2);
    expect(narrowed.students.map((row) => row.id).sort()).toEqual(
      matching(everyone, school!)
        .filter((row) => row.grade_level === gradeLevel && row.county === county)
        .map((row) => row.id)
        .sort(),
    );
    // The figures above the list count the students found.
    const page = await listSponsoredStudents({ actor: partner, page: 1, limit: 1, q: school });
    expect(page.aggregate.improving_count + page.aggregate.stable_count + page.aggregate.declining_count).toBe(page.total);
  });

  it("never shows another partner's students and takes % and _ as themselves", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const other = await actorByEmail("partner2@demo.test");
    const { students: mine } = await allPages(partner, {});
    const { students: theirs } = await allPages(other, {});
    const theirIds = new Set(theirs.map((row) => row.id));
    const onlyMine = mine.find((row) => !theirIds.has(row.id))!;
    expect(onlyMine, "a student only the first partner funds").toBeDefined();

    const seen = await allPages(other, { q: onlyMine.name });
    expect(seen.students.map((row) => row.id)).not.toContain(onlyMine.id);
    expect(seen.students.map((row) => row.id).sort()).toEqual(
      matching(theirs, onlyMine.name)
        .map((row) => row.id)
        .sort(),
    );
    for (const needle of ["%", "_", `${onlyMine.name[0]}_${onlyMine.name.slice(2)}`]) {
      expect((await listSponsoredStudents({ actor: partner, page: 1, limit: 20, q: needle })).total, needle).toBe(
        matching(mine, needle).length,
      );
    }
    await expect(
      listSponsoredStudents({ actor: await actorByEmail("brand@demo.test"), page: 1, limit: 20, q: onlyMine.name }),
    ).rejects.toMatchObject({ code: "insufficient_permissions" });
  });

  it("exports every matching student with the page's filters, by name, whatever page is shown", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const { students: everyone } = await allPages(partner, {});
    const needle = everyone[0]!.school.slice(0, 4).toLowerCase();
    const grade = everyone[0]!.grade_level;
    const params = new URLSearchParams({ q: needle, grade: String(grade), page: "2", limit: "1" });
    const file = await studentsCsv({ actor: partner, params });
    const [header, ...rows] = parseCsv(file.csv);
    expect(header).toEqual([...STUDENT_CSV_COLUMNS]);
    const expected = matching(everyone, needle).filter((row) => row.grade_level === grade);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[0])).toEqual(expected.map((row) => row.id));
    expect(rows.every((row) => row[2] === String(grade))).toBe(true);
    expect(file).toMatchObject({ name: "students", capped: false });
  });
});
