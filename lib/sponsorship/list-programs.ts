/** GET /partner/programs: the partner's programs, newest first, with enrolment and spending. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { toMajor } from "../money";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { listProgramsQuery, listProgramsResponse } from "./schemas";

type Query = z.output<typeof listProgramsQuery>;
type Response = z.infer<typeof listProgramsResponse>;

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

const uuidList = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/**
 * Money spent on each program, in minor units of the program's currency. Defined once, here:
 *   completed payments made for the program (payments.program_id)
 * + disbursements to sponsorships linked to the program, unless the disbursement came
 *   from a payment for that same program (already counted above).
 * Sponsorships of a program are paid by the partner's general (batch) payments, so
 * without the second term a program's own students would look unfunded. Money in
 * another currency counts at the rate recorded when it settled; without one it is not
 * counted (never converted by guesswork).
 */
export async function programSpending(db: DbTx, programIds: readonly string[]): Promise<Map<string, bigint>> {
  if (programIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ program_id: string; spent: bigint | number | string }>>`
    SELECT pr.id::text AS program_id,
      (COALESCE((SELECT SUM(CASE WHEN p.currency = pr.currency THEN p.amount_minor WHEN p.reporting_currency = pr.currency THEN p.reporting_amount_minor END)
                   FROM payments p WHERE p.program_id = pr.id AND p.status = 'completed'), 0)
       + COALESCE((SELECT SUM(CASE WHEN d.currency = pr.currency THEN d.amount_minor WHEN d.reporting_currency = pr.currency THEN d.reporting_amount_minor END)
                   FROM disbursements d
                   JOIN sponsorships s ON s.id = d.sponsorship_id
                   LEFT JOIN payments dp ON dp.id = d.payment_id
                   WHERE s.program_id = pr.id AND dp.program_id IS DISTINCT FROM pr.id), 0))::text AS spent
    FROM programs pr WHERE pr.id IN (${uuidList(programIds)})`;
  return new Map(rows.map((row) => [row.program_id, BigInt(row.spent)]));
}

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

export async function listPrograms(options: { actor: Actor; query: Query }): Promise<Response> {
  const partnerId = partnerOf(options.actor);
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
      start_date: isoDate(program.startDate),
      end_date: isoDate(program.endDate),
      created_at: program.createdAt.toISOString(),
    })),
    ...pageInfo(query, total),
  };
}
