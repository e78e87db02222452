/**
 * `npm run bench:picker`: how fast the student picker behind "New sponsorship" answers
 * on the configured database (DATABASE_URL, or the embedded one), for the demo partner.
 * Seed a large portfolio first (`npm run db:seed -- --scale 100`). Prints p50/p95/max
 * milliseconds per query shape over `--runs` runs.
 */
import { parseArgs } from "node:util";
import { disconnectDb, getDb } from "../lib/db";
import { actorNamed, timeOperations } from "./bench-support";
import { listSponsorableStudents, type SponsorableStudentsQuery } from "../lib/sponsorship/list-sponsorable-students";
import { listStudentFilterOptions } from "../lib/sponsorship/list-student-filter-options";

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const runs = Number(values.runs);

async function main() {
  const db = getDb();
  const actor = await actorNamed("partner@demo.test");
  const students = await db.student.count();
  const school = await db.school.findFirstOrThrow({
    where: { students: { some: { gradeLevel: 6 } } },
    select: { id: true, countyId: true },
  });
  console.log(`${students.toLocaleString("en")} students; ${runs} runs per query\n`);

  const shapes: Array<[string, () => Promise<unknown>]> = [
    ["filter choices (grades, counties, schools)", () => listStudentFilterOptions({ actor })],
    ["filter choices in one county", () => listStudentFilterOptions({ actor, countyId: school.countyId })],
    ...(
      [
        ["first page, no filter", { page: 1, limit: 20 }],
        ["page 50, no filter", { page: 50, limit: 20 }],
        ["grade 6", { page: 1, limit: 20, grade_level: 6 }],
        ["grade 6 in one county", { page: 1, limit: 20, grade_level: 6, county_id: school.countyId }],
        ["grade 6 in one school", { page: 1, limit: 20, grade_level: 6, county_id: school.countyId, school_id: school.id }],
      ] as Array<[string, SponsorableStudentsQuery]>
    ).map(([name, query]) => [`students: ${name}`, () => listSponsorableStudents({ actor, query })] as [string, () => Promise<unknown>]),
  ];

  await timeOperations(shapes, runs);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
