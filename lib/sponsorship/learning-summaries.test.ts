/**
 * The learning summaries are kept by database triggers, whoever writes: after a random
 * mix of inserts, updates and deletes of learning records and of what defines funding,
 * made with plain SQL as an import would, they equal a recomputation from scratch
 * written here independently.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma } from "@/lib/db";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let t = seed >>> 0;
  const next = () => {
    t += 0x6d2b79f5;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const students: string[] = [];
const partners: string[] = [];
const courses: string[] = [];
const sponsorships: string[] = [];
let program: string;

const day = (r: ReturnType<typeof rng>) => new Date(Date.UTC(2025, r.int(0, 17), r.int(1, 28), r.int(0, 23), r.int(0, 59)));

beforeAll(async () => {
  const db = getDb();
  const county = (await db.county.findFirstOrThrow({ where: { students: { none: {} } }, orderBy: { code: "desc" } })).id;
  const school = (await db.school.create({ data: { name: "Summaries School", countyId: county } })).id;
  for (let i = 0; i < 2; i++) partners.push((await db.organization.create({ data: { name: `Summaries Partner ${i}`, type: "ngo" } })).id);
  for (let i = 0; i < 6; i++) {
    students.push(
      (
        await db.student.create({
          data: {
            firstName: `S${i}`,
            lastName: "Summary",
            gender: "male",
            gradeLevel: 6,
            schoolId: school,
            countyId: county,
            dateOfBirth: new Date("2014-01-01"),
          },
        })
      ).id,
    );
  }
  courses.push(
    ...(await db.course.findMany({ where: { gradeLevel: 6 }, take: 3, orderBy: { title: "asc" }, select: { id: true } })).map((c) => c.id),
  );
  program = (
    await db.program.create({
      data: {
        partnerId: partners[1]!,
        name: "Summaries programme",
        description: "x",
        status: "planning",
        targetStudents: 3,
        budgetMinor: 1n,
        startDate: new Date("2025-03-01"),
        endDate: new Date("2026-03-31"),
      },
    })
  ).id;
});

/** Plain SQL writes, as an import or another application would make them. */
async function randomWrites(seed: number, count: number) {
  const db = getDb();
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const student = r.pick(students);
    const op = r.int(0, 12);
    switch (op) {
      case 0:
      case 1:
      case 2: {
        // A batch of assessments, in one statement.
        const rows = Array.from(
          { length: r.int(1, 6) },
          () =>
            Prisma.sql`(${crypto.randomUUID()}::uuid, ${r.pick(students)}::uuid, ${r.pick(courses)}::uuid, 'quiz', ${r.int(20, 100)}, ${day(r)})`,
        );
        await db.$executeRaw`INSERT INTO assessments (id, student_id, course_id, kind, score, taken_at) VALUES ${Prisma.join(rows)}`;
        break;
      }
      case 3:
        await db.$executeRaw`UPDATE assessments SET taken_at = ${day(r)}, score = ${r.int(0, 100)} WHERE id = (SELECT id FROM assessments WHERE student_id = ${student}::uuid ORDER BY id LIMIT 1 OFFSET ${r.int(0, 3)})`;
        break;
      case 4:
        await db.$executeRaw`DELETE FROM assessments WHERE id = (SELECT id FROM assessments WHERE student_id = ${student}::uuid ORDER BY id LIMIT 1)`;
        break;
      case 5: {
        const enrolled = day(r);
        const completed = r.next() < 0.5 ? new Date(enrolled.getTime() + r.int(1, 200) * 86_400_000) : null;
        await db.$executeRaw`
          INSERT INTO enrollments (id, student_id, course_id, status, enrolled_at, completed_at)
          VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, ${r.pick(courses)}::uuid, ${completed ? "completed" : "in_progress"}::"EnrollmentStatus", ${enrolled}, ${completed})
          ON CONFLICT (student_id, course_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, status = EXCLUDED.status`;
        break;
      }
      case 6:
        await db.$executeRaw`UPDATE enrollments SET completed_at = ${day(r)}, status = 'completed' WHERE student_id = ${student}::uuid AND completed_at IS NULL`;
        break;
      case 7: {
        const table = r.pick(["certificates", "grade_promotions", "tutor_sessions"] as const);
        if (table === "certificates")
          await db.$executeRaw`INSERT INTO certificates (id, student_id, title, issued_at) VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, 'Random', ${day(r)})`;
        if (table === "grade_promotions")
          await db.$executeRaw`INSERT INTO grade_promotions (id, student_id, from_grade, to_grade, promoted_at) VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, 5, 6, ${day(r)})`;
        if (table === "tutor_sessions")
          await db.$executeRaw`INSERT INTO tutor_sessions (id, student_id, started_at, duration_minutes, message_count) VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, ${day(r)}, 10, 3)`;
        break;
      }
      case 8: {
        // A sponsorship: new, or an existing one paid, ended early or cancelled.
        if (sponsorships.length === 0 || r.next() < 0.4) {
          const id = crypto.randomUUID();
          const start = day(r);
          await db.$executeRaw`
            INSERT INTO sponsorships (id, partner_id, student_id, type, status, amount_minor, start_date, end_date, activated_at, updated_at)
            VALUES (${id}::uuid, ${r.pick(partners)}::uuid, ${student}::uuid, 'partial', 'active', 100, ${start}::date, ${new Date(start.getTime() + r.int(30, 400) * 86_400_000)}::date, ${day(r)}, now())`;
          sponsorships.push(id);
        } else {
          const id = r.pick(sponsorships);
          const change = r.int(0, 2);
          if (change === 0)
            await db.$executeRaw`UPDATE sponsorships SET activated_at = ${day(r)}, status = 'active' WHERE id = ${id}::uuid`;
          if (change === 1) await db.$executeRaw`UPDATE sponsorships SET ended_at = ${day(r)}, status = 'completed' WHERE id = ${id}::uuid`;
          if (change === 2) await db.$executeRaw`UPDATE sponsorships SET status = 'cancelled', activated_at = NULL WHERE id = ${id}::uuid`;
        }
        break;
      }
      case 9:
        await db.$executeRaw`INSERT INTO program_participants (program_id, student_id, enrolled_at) VALUES (${program}::uuid, ${student}::uuid, ${day(r)}) ON CONFLICT DO NOTHING`;
        break;
      case 10:
        await db.$executeRaw`DELETE FROM program_participants WHERE program_id = ${program}::uuid AND student_id = ${student}::uuid`;
        break;
      case 11:
        await db.$executeRaw`UPDATE programs SET status = ${r.pick(["active", "planning"])}::"ProgramStatus", activated_at = ${day(r)} WHERE id = ${program}::uuid`;
        break;
      case 12:
        await db.$executeRaw`UPDATE students SET grade_level = ${r.int(5, 7)} WHERE id = ${student}::uuid`;
        break;
    }
  }
}

type Row = Record<string, string | number | null>;

/** The summaries as they stand, for the test's students (sums rounded: floating point adds in any order). */
async function stored(): Promise<Record<string, Row[]>> {
  const db = getDb();
  return {
    credited: await db.$queryRaw<Row[]>`
      SELECT partner_id::text, student_id::text, month::text, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, enrolments, completions,
             certificates, promotions, tutor_sessions, last_active_at::text
        FROM credited_student_months WHERE student_id = ANY (${students}::uuid[]) ORDER BY 1, 2, 3`,
    bySubject: await db.$queryRaw<Row[]>`
      SELECT partner_id::text, student_id::text, month::text, subject, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, enrolments, completions
        FROM credited_subject_months WHERE student_id = ANY (${students}::uuid[]) ORDER BY 1, 2, 3, 4`,
    platform: await db.$queryRaw<Row[]>`
      SELECT student_id::text, month::text, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, enrolments, completions, funded_outcomes, all_enrolments, all_completions
        FROM student_months WHERE student_id = ANY (${students}::uuid[]) ORDER BY 1, 2`,
    partnerStudents: await db.$queryRaw<Row[]>`
      SELECT partner_id::text, student_id::text, funded_from::text, funded_until::text, baseline_assessments, ROUND(baseline_sum::numeric, 6)::text AS baseline_sum,
             assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, enrolments, completions, certificates, promotions, tutor_sessions, last_active_at::text
        FROM partner_students WHERE student_id = ANY (${students}::uuid[]) ORDER BY 1, 2`,
    unfundedBySubject: await db.$queryRaw<Row[]>`
      SELECT student_id::text, month::text, subject, grade_level, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, completions, all_enrolments, all_completions
        FROM student_subject_months WHERE student_id = ANY (${students}::uuid[]) ORDER BY 1, 2, 3`,
    // The roll-up over every student equals the sum of the rows it rolls up.
    platformBySubject: await db.$queryRaw<Row[]>`
      SELECT month::text, subject, grade_level, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, completions, all_enrolments, all_completions
        FROM platform_subject_months WHERE (assessments, completions, all_enrolments, all_completions) <> (0, 0, 0, 0) ORDER BY 1, 2, 3`,
    partnerMonths: await db.$queryRaw<Row[]>`
      SELECT partner_id::text, month::text, assessments, ROUND(score_sum::numeric, 6)::text AS score_sum, enrolments, completions, certificates, promotions, tutor_sessions
        FROM partner_months WHERE partner_id = ANY (${partners}::uuid[]) AND (assessments, enrolments, completions, certificates, promotions, tutor_sessions) <> (0, 0, 0, 0, 0, 0)
       ORDER BY 1, 2`,
  };
}

/** Funding spells as defined (sponsorships and program enrolments), not as the summaries keep them. */
const SPELLS = Prisma.sql`(SELECT * FROM funding_spell_definitions WHERE starts_at < ends_at)`;

/** The same, computed here from the records and the funding definitions, without the summaries' functions. */
async function fromScratch(): Promise<Record<string, Row[]>> {
  const db = getDb();
  const events = Prisma.sql`events AS (
    SELECT a.student_id, a.taken_at AS at, 'a' AS kind, c.subject::text AS subject, a.score::float8 AS score FROM assessments a JOIN courses c ON c.id = a.course_id WHERE a.student_id = ANY (${students}::uuid[])
    UNION ALL SELECT e.student_id, e.enrolled_at, 'e', c.subject::text, NULL FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.student_id = ANY (${students}::uuid[])
    UNION ALL SELECT e.student_id, e.completed_at, 'c', c.subject::text, NULL FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.student_id = ANY (${students}::uuid[]) AND e.completed_at IS NOT NULL
    UNION ALL SELECT student_id, issued_at, 'f', '', NULL FROM certificates WHERE student_id = ANY (${students}::uuid[])
    UNION ALL SELECT student_id, promoted_at, 'p', '', NULL FROM grade_promotions WHERE student_id = ANY (${students}::uuid[])
    UNION ALL SELECT student_id, started_at, 't', '', NULL FROM tutor_sessions WHERE student_id = ANY (${students}::uuid[])
  ),
  credited AS (
    SELECT o.id AS partner_id, ev.* FROM events ev CROSS JOIN organizations o
     WHERE EXISTS (SELECT 1 FROM ${SPELLS} fs WHERE fs.partner_id = o.id AND fs.student_id = ev.student_id AND ev.at >= fs.starts_at AND ev.at < fs.ends_at)
  ),
  unfunded AS (
    SELECT ev.* FROM events ev WHERE NOT EXISTS (SELECT 1 FROM ${SPELLS} fs WHERE fs.student_id = ev.student_id AND ev.at >= fs.starts_at AND ev.at < fs.ends_at)
  )`;
  const month = Prisma.sql`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-01')`;
  const credited = await db.$queryRaw<Row[]>`WITH ${events}
    SELECT partner_id::text, student_id::text, ${month} AS month,
           COUNT(*) FILTER (WHERE kind = 'a')::int AS assessments, ROUND(COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0)::numeric, 6)::text AS score_sum,
           COUNT(*) FILTER (WHERE kind = 'e')::int AS enrolments, COUNT(*) FILTER (WHERE kind = 'c')::int AS completions,
           COUNT(*) FILTER (WHERE kind = 'f')::int AS certificates, COUNT(*) FILTER (WHERE kind = 'p')::int AS promotions,
           COUNT(*) FILTER (WHERE kind = 't')::int AS tutor_sessions, MAX(at)::text AS last_active_at
      FROM credited GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const bySubject = await db.$queryRaw<Row[]>`WITH ${events}
    SELECT partner_id::text, student_id::text, ${month} AS month, subject,
           COUNT(*) FILTER (WHERE kind = 'a')::int AS assessments, ROUND(COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0)::numeric, 6)::text AS score_sum,
           COUNT(*) FILTER (WHERE kind = 'e')::int AS enrolments, COUNT(*) FILTER (WHERE kind = 'c')::int AS completions
      FROM credited WHERE kind IN ('a', 'e', 'c') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
  const platform = await db.$queryRaw<Row[]>`WITH ${events},
    cells AS (SELECT student_id, ${month} AS month FROM events GROUP BY 1, 2)
    SELECT c.student_id::text, c.month,
           (SELECT COUNT(*)::int FROM unfunded u WHERE u.student_id = c.student_id AND ${Prisma.sql`to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-01')`} = c.month AND u.kind = 'a') AS assessments,
           (SELECT ROUND(COALESCE(SUM(u.score), 0)::numeric, 6)::text FROM unfunded u WHERE u.student_id = c.student_id AND to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month AND u.kind = 'a') AS score_sum,
           (SELECT COUNT(*)::int FROM unfunded u WHERE u.student_id = c.student_id AND to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month AND u.kind = 'e') AS enrolments,
           (SELECT COUNT(*)::int FROM unfunded u WHERE u.student_id = c.student_id AND to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month AND u.kind = 'c') AS completions,
           (SELECT COUNT(*)::int FROM events e WHERE e.student_id = c.student_id AND to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month) -
           (SELECT COUNT(*)::int FROM unfunded u WHERE u.student_id = c.student_id AND to_char(u.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month) AS funded_outcomes,
           (SELECT COUNT(*)::int FROM events e WHERE e.student_id = c.student_id AND to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month AND e.kind = 'e') AS all_enrolments,
           (SELECT COUNT(*)::int FROM events e WHERE e.student_id = c.student_id AND to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-01') = c.month AND e.kind = 'c') AS all_completions
      FROM cells c ORDER BY 1, 2`;
  const partnerStudents = await db.$queryRaw<Row[]>`WITH ${events},
    funded AS (SELECT partner_id, student_id, MIN(starts_at) AS funded_from, MAX(ends_at) AS funded_until FROM ${SPELLS} s WHERE student_id = ANY (${students}::uuid[]) GROUP BY 1, 2)
    SELECT f.partner_id::text, f.student_id::text, f.funded_from::text, f.funded_until::text,
           (SELECT COUNT(*)::int FROM assessments a WHERE a.student_id = f.student_id AND a.taken_at >= f.funded_from - interval '90 days' AND a.taken_at < f.funded_from) AS baseline_assessments,
           (SELECT ROUND(COALESCE(SUM(a.score), 0)::numeric, 6)::text FROM assessments a WHERE a.student_id = f.student_id AND a.taken_at >= f.funded_from - interval '90 days' AND a.taken_at < f.funded_from) AS baseline_sum,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'a') AS assessments,
           (SELECT ROUND(COALESCE(SUM(c.score), 0)::numeric, 6)::text FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'a') AS score_sum,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'e') AS enrolments,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'c') AS completions,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'f') AS certificates,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 'p') AS promotions,
           (SELECT COUNT(*)::int FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id AND c.kind = 't') AS tutor_sessions,
           (SELECT MAX(c.at)::text FROM credited c WHERE c.partner_id = f.partner_id AND c.student_id = f.student_id) AS last_active_at
      FROM funded f ORDER BY 1, 2`;
  const partnerMonths = await db.$queryRaw<Row[]>`WITH ${events}
    SELECT partner_id::text, ${month} AS month,
           COUNT(*) FILTER (WHERE kind = 'a')::int AS assessments, ROUND(COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0)::numeric, 6)::text AS score_sum,
           COUNT(*) FILTER (WHERE kind = 'e')::int AS enrolments, COUNT(*) FILTER (WHERE kind = 'c')::int AS completions,
           COUNT(*) FILTER (WHERE kind = 'f')::int AS certificates, COUNT(*) FILTER (WHERE kind = 'p')::int AS promotions,
           COUNT(*) FILTER (WHERE kind = 't')::int AS tutor_sessions
      FROM credited WHERE partner_id = ANY (${partners}::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`;
  const unfundedBySubject = await db.$queryRaw<Row[]>`WITH ${events},
    flagged AS (SELECT ev.*, NOT EXISTS (SELECT 1 FROM ${SPELLS} fs WHERE fs.student_id = ev.student_id AND ev.at >= fs.starts_at AND ev.at < fs.ends_at) AS free FROM events ev)
    SELECT f.student_id::text, ${month} AS month, f.subject, st.grade_level,
           COUNT(*) FILTER (WHERE kind = 'a' AND free)::int AS assessments, ROUND(COALESCE(SUM(score) FILTER (WHERE kind = 'a' AND free), 0)::numeric, 6)::text AS score_sum,
           COUNT(*) FILTER (WHERE kind = 'c' AND free)::int AS completions, COUNT(*) FILTER (WHERE kind = 'e')::int AS all_enrolments, COUNT(*) FILTER (WHERE kind = 'c')::int AS all_completions
      FROM flagged f JOIN students st ON st.id = f.student_id WHERE kind IN ('a', 'e', 'c') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`;
  const platformBySubject = await db.$queryRaw<Row[]>`
    SELECT month::text, subject, grade_level, SUM(assessments)::int AS assessments, ROUND(SUM(score_sum)::numeric, 6)::text AS score_sum, SUM(completions)::int AS completions,
           SUM(all_enrolments)::int AS all_enrolments, SUM(all_completions)::int AS all_completions
      FROM student_subject_months GROUP BY 1, 2, 3
    HAVING (SUM(assessments), SUM(completions), SUM(all_enrolments), SUM(all_completions)) <> (0, 0, 0, 0) ORDER BY 1, 2, 3`;
  return { credited, bySubject, platform, partnerStudents, unfundedBySubject, platformBySubject, partnerMonths };
}

describe("learning summaries", () => {
  it.each([1, 2, 3])("equal a recomputation from scratch after random writes (seed %i)", async (seed) => {
    await randomWrites(seed, 60);
    const expected = await fromScratch();
    expect(expected.credited.length).toBeGreaterThan(0);
    expect(expected.unfundedBySubject.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(expected);
  });

  it("hold when many writers add records of one student at once", async () => {
    const db = getDb();
    const r = rng(99);
    // Separate statements, so on PostgreSQL separate transactions on separate connections.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const student = students[i % 2]!;
        return i % 3 === 2
          ? db.$executeRaw`INSERT INTO tutor_sessions (id, student_id, started_at, duration_minutes, message_count) VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, ${day(r)}, 10, 3)`
          : db.$executeRaw`INSERT INTO assessments (id, student_id, course_id, kind, score, taken_at) VALUES (${crypto.randomUUID()}::uuid, ${student}::uuid, ${r.pick(courses)}::uuid, 'quiz', ${r.int(20, 100)}, ${day(r)})`;
      }),
    );
    expect(await stored()).toEqual(await fromScratch());
  });
});

describe("money summaries", () => {
  /** Payments, disbursements and reporting currencies written at random with plain SQL. */
  async function randomMoneyWrites(seed: number, count: number) {
    const db = getDb();
    const r = rng(seed);
    const payments: string[] = [];
    for (let i = 0; i < count; i++) {
      const partner = r.pick(partners);
      const op = r.int(0, 6);
      if (op <= 2 || payments.length === 0) {
        const id = crypto.randomUUID();
        const currency = r.pick(["KES", "USD"] as const);
        const completed = r.next() < 0.7 ? day(r) : null;
        const rated = currency === "KES" || r.next() < 0.6;
        const amount = r.int(1, 900) * 100;
        await db.$executeRaw`
          INSERT INTO payments (id, partner_id, amount_minor, currency, method, status, reference, completed_at, updated_at, reporting_amount_minor, reporting_currency)
          VALUES (${id}::uuid, ${partner}::uuid, ${amount}, ${currency}, 'bank_transfer', ${completed ? "completed" : "pending"}::"PaymentStatus",
                  ${`MONEY-${seed}-${i}`}, ${completed}, now(), ${completed && rated ? (currency === "KES" ? amount : amount * 129) : null}, ${completed && rated ? "KES" : null})`;
        payments.push(id);
      } else if (op === 3) {
        const sponsorship = sponsorships.length ? r.pick(sponsorships) : null;
        if (sponsorship) {
          const amount = r.int(1, 300) * 100;
          await db.$executeRaw`
            INSERT INTO disbursements (id, sponsorship_id, payment_id, amount_minor, currency, description, disbursed_at, period_start, reporting_amount_minor, reporting_currency)
            SELECT ${crypto.randomUUID()}::uuid, ${sponsorship}::uuid, ${r.pick(payments)}::uuid, ${amount}, 'KES', 'Random', at, at::date, ${amount}, 'KES'
              FROM (SELECT ${day(r)}::timestamptz AS at) t
            ON CONFLICT DO NOTHING`;
        }
      } else if (op === 4) {
        await db.$executeRaw`UPDATE payments SET status = 'completed', completed_at = ${day(r)} WHERE id = ${r.pick(payments)}::uuid`;
      } else if (op === 5) {
        await db.$executeRaw`DELETE FROM disbursements WHERE id = (SELECT d.id FROM disbursements d JOIN sponsorships s ON s.id = d.sponsorship_id WHERE s.partner_id = ${partner}::uuid ORDER BY d.id LIMIT 1)`;
      } else {
        await db.$executeRaw`UPDATE organizations SET reporting_currency = ${r.pick(["KES", "USD"])} WHERE id = ${partner}::uuid`;
      }
    }
  }

  it("equal a recomputation from scratch after random writes", async () => {
    const db = getDb();
    // Sponsorships to disburse into.
    await randomWrites(7, 30);
    await randomMoneyWrites(11, 60);
    const stored = await db.$queryRaw<Row[]>`
      SELECT partner_id::text, month::text, figure, currency, converted, minor::text FROM partner_money_months
       WHERE partner_id = ANY (${partners}::uuid[]) AND minor <> 0 ORDER BY 1, 2, 3, 4, 5`;
    const expected = await db.$queryRaw<Row[]>`
      WITH money AS (
        SELECT p.partner_id, p.completed_at AS at, 'paid_in' AS figure, p.currency, p.amount_minor, p.reporting_currency, p.reporting_amount_minor
          FROM payments p WHERE p.status = 'completed' AND p.completed_at IS NOT NULL
        UNION ALL
        SELECT s.partner_id, d.disbursed_at, 'disbursed_to_sponsorships', d.currency, d.amount_minor, d.reporting_currency, d.reporting_amount_minor
          FROM disbursements d JOIN sponsorships s ON s.id = d.sponsorship_id
      )
      SELECT m.partner_id::text, to_char(m.at AT TIME ZONE 'UTC', 'YYYY-MM-01') AS month, m.figure,
             CASE WHEN m.reporting_currency IS NOT DISTINCT FROM o.reporting_currency THEN o.reporting_currency ELSE m.currency END AS currency,
             m.reporting_currency IS NOT DISTINCT FROM o.reporting_currency AS converted,
             SUM(CASE WHEN m.reporting_currency IS NOT DISTINCT FROM o.reporting_currency THEN m.reporting_amount_minor ELSE m.amount_minor END)::text AS minor
        FROM money m JOIN organizations o ON o.id = m.partner_id
       WHERE m.partner_id = ANY (${partners}::uuid[])
       GROUP BY 1, 2, 3, 4, 5 HAVING SUM(CASE WHEN m.reporting_currency IS NOT DISTINCT FROM o.reporting_currency THEN m.reporting_amount_minor ELSE m.amount_minor END) <> 0
       ORDER BY 1, 2, 3, 4, 5`;
    expect(expected.length).toBeGreaterThan(3);
    expect(stored).toEqual(expected);
  });
});
