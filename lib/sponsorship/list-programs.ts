/** GET /partner/programs: the partner's programs, newest first, with enrolment and spending. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { toMajor } from "../money";
import { isoDay } from "./metrics";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import { programSpending } from "./program-spending";
import type { listProgramsQuery, listProgramsResponse } from "./schemas/programs";

export interface ListProgramsOptions {
  actor: Actor;
  query: z.output<typeof listProgramsQuery>;
}

type Response = z.infer<typeof listProgramsResponse>;

const uuidList = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/** Distinct subject names of each program's courses, alphabetically. */
async function programSubjects(db: DbTx, programIds: readonly string[]): Promise<Map<string, string[]>> {
  if (programIds.length === 0) return new Map();
  // Raw SQL returns the enum's database label ("Social Studies"), as the API shows it.
  const rows = await db.$queryRaw<Array<{ program_id: string; subject: string }>>`
    SELECT DISTINCT pc.program_id::text AS program_id, c.subject::text AS subject
    FROM program_courses pc JOIN courses c ON c.id = pc.course_id
    WHERE pc.program_id IN (${uuidList(programIds)})
    ORDER BY 1, 2`;
  const subjects = new Map<string, string[]>();
  for (const row of rows) subjects.set(row.program_id, [...(subjects.get(row.program_id) ?? []), row.subject]);
  return subjects;
}

export async function listPrograms(options: ListProgramsOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const db = getDb();
  const where: Prisma.ProgramWhereInput = { partnerId, ...(query.status ? { status: query.status } : {}) };
  const [total, programs] = await Promise.all([
    db.program.count({ where }),
    db.program.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(query) }),
  ]);
  const ids = programs.map((program) => program.id);
  const [enrolled, spent, subjects] = await Promise.all([
    ids.length
      ? db.programParticipant.groupBy({ by: ["programId"], where: { programId: { in: ids } }, _count: { _all: true } })
      : Promise.resolve([]),
    programSpending(db, ids),
    programSubjects(db, ids),
  ]);
  const enrolledBy = new Map(enrolled.map((row) => [row.programId, row._count._all]));

  return {
    programs: programs.map((program) => ({
      id: program.id,
      name: program.name,
      description: program.description,
      status: program.status,
      target_students: program.targetStudents,
      enrolled_students: enrolledBy.get(program.id) ?? 0,
      budget: toMajor(program.budgetMinor),
      spent: toMajor(spent.get(program.id) ?? 0n),
      currency: program.currency,
      courses: subjects.get(program.id) ?? [],
      start_date: isoDay(program.startDate),
      end_date: isoDay(program.endDate),
      created_at: program.createdAt.toISOString(),
    })),
    ...pageInfo(query, total),
  };
}
