import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { generateReport } from "./generate-report";
import { getReportDownload } from "./get-report-download";
import { recordStudentConsent } from "./record-student-consent";
import { STUDENT_CSV_COLUMNS, STUDENT_NAMES_NOTE, type ReportStudent } from "./report-documents";

process.env.REPORTS_PER_MINUTE = "100000";

let owner: Actor;

beforeAll(async () => {
  owner = await actorByEmail("partner@demo.test");
});

/** The students of a fresh all-history JSON impact report, as stored. */
async function reportStudents(): Promise<{ id: string; report: Record<string, unknown>; students: ReportStudent[] }> {
  const generated = await generateReport({ actor: owner, type: "impact", format: "json", startDate: new Date("2020-01-01T00:00:00Z") });
  const file = await getReportDownload({ actor: owner, reportId: generated.id });
  const parsed = JSON.parse(Buffer.from(file.content).toString("utf8"));
  return { id: generated.id, report: parsed.report, students: parsed.students };
}

describe("how reports name students", () => {
  it("shows first name and initial without the school unless the partner recorded the full-name consent", async () => {
    const db = getDb();
    const consents = await db.studentConsent.findMany({ where: { organizationId: owner.organizationId!, kind: "full_name" } });
    const consented = new Set(consents.map((c) => c.studentId));
    const { report, students } = await reportStudents();
    expect(report.student_names).toBe(STUDENT_NAMES_NOTE);
    expect(students.length).toBeGreaterThan(consented.size);

    const people = new Map(
      (await db.student.findMany({ where: { id: { in: students.map((s) => s.id) } }, include: { school: true } })).map((s) => [s.id, s]),
    );
    const shown = students.filter((s) => consented.has(s.id));
    expect(shown.length).toBeGreaterThan(0);
    for (const student of students) {
      const person = people.get(student.id)!;
      if (consented.has(student.id)) {
        expect(student).toMatchObject({
          name: `${person.firstName} ${person.lastName}`,
          school: person.school.name,
          name_shown: "full_name",
        });
      } else {
        expect(student).toMatchObject({
          name: `${person.firstName} ${person.lastName.charAt(0)}.`,
          school: null,
          name_shown: "first_name_and_initial",
        });
      }
    }
  });

  it("names a student in full in the next report once the consent is recorded, and masks them again once it is withdrawn", async () => {
    const before = await reportStudents();
    const masked = before.students.find((s) => s.name_shown === "first_name_and_initial")!;
    const person = await getDb().student.findUniqueOrThrow({ where: { id: masked.id }, include: { school: true } });

    await recordStudentConsent({ actor: owner, studentId: masked.id, body: { consented: true } });
    const after = await reportStudents();
    expect(after.id).not.toBe(before.id);
    expect(after.students.find((s) => s.id === masked.id)).toMatchObject({
      name: `${person.firstName} ${person.lastName}`,
      school: person.school.name,
    });

    await recordStudentConsent({ actor: owner, studentId: masked.id, body: { consented: false } });
    const withdrawn = await reportStudents();
    expect(withdrawn.id).not.toBe(after.id);
    expect(withdrawn.students.find((s) => s.id === masked.id)).toMatchObject({ name: masked.name, school: null });
  });

  it("leaves the school cell empty in CSV for a student without the consent", async () => {
    const generated = await generateReport({
      actor: owner,
      type: "student_outcomes",
      format: "csv",
      startDate: new Date("2020-01-01T00:00:00Z"),
    });
    const file = await getReportDownload({ actor: owner, reportId: generated.id });
    const rows = parseCsv(Buffer.from(file.content).toString("utf8"));
    const records = rows.slice(1).map((r) => Object.fromEntries(STUDENT_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    const masked = records.filter((r) => r.name_shown === "first_name_and_initial");
    expect(masked.length).toBeGreaterThan(0);
    expect(masked.every((r) => r.school === "" && /^\S+ \S\.$/.test(r.name!))).toBe(true);
    expect(records.filter((r) => r.name_shown === "full_name").every((r) => r.school !== "")).toBe(true);
  });
});
