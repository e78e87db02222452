/**
 * Deterministic demo data. Shared reference data (counties, courses), the demo
 * accounts and the creator economy are created once; learners and partner portfolios
 * are generated per scale unit, one unit at a time. Re-running inserts nothing new:
 * ids are derived from stable keys and every insert skips existing rows.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { ensureAccounts } from "./accounts";
import { addCount, bulkInsert, createInBatches, type Counts, type TableSpec } from "./bulk";
import { COURSES } from "./catalog";
import { seedCreatorEconomy } from "./creators";
import { Timeline, defaultAnchor } from "./dates";
import {
  emptyEducationRows,
  generateLearning,
  generateStudents,
  type EducationRows,
  type StudentLearning,
  type UnitContext,
} from "./education";
import { seedId } from "./ids";
import { COUNTIES } from "./kenya";
import { buildPortfolios, emptyPortfolioRows, planPortfolios, type PartnerOrg, type PortfolioRows } from "./partners";

export interface SeedOptions {
  /** How many copies of the per-unit data (learners, portfolios) to create. Default 1. */
  scale?: number;
  /** All dates are relative to this moment. Default: the first day of the current UTC month. */
  anchor?: Date;
  log?: (msg: string) => void;
  /**
   * Skip units whose last insert is already present (default true). With false every
   * unit is generated and re-inserted, relying on skipped duplicates alone.
   */
  skipSeededUnits?: boolean;
}

export interface SeedSummary {
  scale: number;
  anchor: string;
  unitsSeeded: number;
  unitsSkipped: number;
  /** Rows inserted by this run, per table. */
  inserted: Counts;
  /** Rows in each table after the run. */
  tables: Counts;
  durationMs: number;
}

const TABLES = {
  schools: {
    table: "schools",
    columns: { id: "id", name: "name", countyId: "county_id" },
  } satisfies TableSpec<Prisma.SchoolCreateManyInput>,
  students: {
    table: "students",
    columns: {
      id: "id",
      firstName: "first_name",
      lastName: "last_name",
      gender: "gender",
      gradeLevel: "grade_level",
      schoolId: "school_id",
      countyId: "county_id",
      avatarUrl: "avatar_url",
      householdIncomeMinor: "household_income_minor",
      dateOfBirth: "date_of_birth",
      story: "story",
      storyConsentAt: "story_consent_at",
      createdAt: "created_at",
    },
  } satisfies TableSpec<Prisma.StudentCreateManyInput>,
  gradePromotions: {
    table: "grade_promotions",
    columns: { id: "id", studentId: "student_id", fromGrade: "from_grade", toGrade: "to_grade", promotedAt: "promoted_at" },
  } satisfies TableSpec<Prisma.GradePromotionCreateManyInput>,
  enrollments: {
    table: "enrollments",
    columns: {
      id: "id",
      studentId: "student_id",
      courseId: "course_id",
      status: "status",
      progressPercent: "progress_percent",
      modulesCompleted: "modules_completed",
      enrolledAt: "enrolled_at",
      completedAt: "completed_at",
      lastActivityAt: "last_activity_at",
    },
  } satisfies TableSpec<Prisma.EnrollmentCreateManyInput>,
  moduleCompletions: {
    table: "module_completions",
    columns: { id: "id", enrollmentId: "enrollment_id", moduleNumber: "module_number", completedAt: "completed_at" },
  } satisfies TableSpec<Prisma.ModuleCompletionCreateManyInput>,
  assessments: {
    table: "assessments",
    columns: { id: "id", studentId: "student_id", courseId: "course_id", kind: "kind", score: "score", takenAt: "taken_at" },
  } satisfies TableSpec<Prisma.AssessmentCreateManyInput>,
  tutorSessions: {
    table: "tutor_sessions",
    columns: {
      id: "id",
      studentId: "student_id",
      courseId: "course_id",
      startedAt: "started_at",
      durationMinutes: "duration_minutes",
      messageCount: "message_count",
    },
  } satisfies TableSpec<Prisma.TutorSessionCreateManyInput>,
  certificates: {
    table: "certificates",
    columns: { id: "id", studentId: "student_id", courseId: "course_id", title: "title", issuedAt: "issued_at" },
  } satisfies TableSpec<Prisma.CertificateCreateManyInput>,
};

async function ensureReferenceData(db: PrismaClient, counts: Counts) {
  addCount(
    counts,
    "counties",
    (
      await db.county.createMany({
        data: COUNTIES.map((c) => ({ id: seedId(`county:${c.code}`), name: c.name, code: c.code })),
        skipDuplicates: true,
      })
    ).count,
  );
  addCount(
    counts,
    "courses",
    (
      await db.course.createMany({
        data: COURSES.map((c) => ({
          id: c.seedId,
          title: c.title,
          subject: c.subject,
          gradeLevel: c.gradeLevel,
          moduleCount: c.moduleCount,
          published: true,
        })),
        skipDuplicates: true,
      })
    ).count,
  );
  // Use whatever ids the rows actually have, in case they were created before the seed.
  const counties = await db.county.findMany({ select: { id: true, code: true } });
  const courses = await db.course.findMany({ where: { title: { in: COURSES.map((c) => c.title) } }, select: { id: true, title: true } });
  const courseIdByTitle = new Map(courses.map((c) => [c.title, c.id]));
  return {
    countyIdByCode: new Map(counties.map((c) => [c.code, c.id])),
    courseIdByKey: new Map(COURSES.map((c) => [c.key, courseIdByTitle.get(c.title)!])),
  };
}

interface UnitData {
  education: EducationRows;
  portfolio: PortfolioRows;
}

export function generateUnit(ctx: UnitContext, partners: readonly PartnerOrg[]): UnitData {
  const education = emptyEducationRows();
  const portfolio = emptyPortfolioRows();
  const students = generateStudents(ctx, education);
  const plan = planPortfolios(ctx, students, partners);
  const learning = new Map<string, StudentLearning>();
  for (const student of students) learning.set(student.id, generateLearning(ctx, student, plan.support.get(student.id), education));
  buildPortfolios(ctx, plan, learning, portfolio);
  return { education, portfolio };
}

/** The unit's invoices are inserted last, in one statement: if one exists, the unit is complete. */
function unitMarkerId(unit: number): string {
  return seedId(`u${unit}:p1:payment:batch:0:invoice`);
}

async function insertUnit(db: PrismaClient, { education: e, portfolio: p }: UnitData, counts: Counts): Promise<number> {
  let total = 0;
  const bulk = async <T extends object>(spec: TableSpec<T>, rows: T[]) => {
    const n = await bulkInsert(db, spec, rows);
    addCount(counts, spec.table, n);
    total += n;
  };
  const many = async <T>(table: string, rows: T[], insert: (batch: T[]) => Promise<{ count: number }>) => {
    const n = await createInBatches(rows, insert);
    addCount(counts, table, n);
    total += n;
  };
  await bulk(TABLES.schools, e.schools);
  await bulk(TABLES.students, e.students);
  await bulk(TABLES.gradePromotions, e.gradePromotions);
  await bulk(TABLES.enrollments, e.enrollments);
  await bulk(TABLES.moduleCompletions, e.moduleCompletions);
  await bulk(TABLES.assessments, e.assessments);
  await bulk(TABLES.tutorSessions, e.tutorSessions);
  await bulk(TABLES.certificates, e.certificates);
  await many("programs", p.programs, (data) => db.program.createMany({ data, skipDuplicates: true }));
  await many("program_courses", p.programCourses, (data) => db.programCourse.createMany({ data, skipDuplicates: true }));
  await many("program_participants", p.programParticipants, (data) => db.programParticipant.createMany({ data, skipDuplicates: true }));
  await many("program_milestones", p.programMilestones, (data) => db.programMilestone.createMany({ data, skipDuplicates: true }));
  await many("sponsorships", p.sponsorships, (data) => db.sponsorship.createMany({ data, skipDuplicates: true }));
  await many("sponsorship_courses", p.sponsorshipCourses, (data) => db.sponsorshipCourse.createMany({ data, skipDuplicates: true }));
  await many("payments", p.payments, (data) => db.payment.createMany({ data, skipDuplicates: true }));
  await many("payment_sponsorships", p.paymentSponsorships, (data) => db.paymentSponsorship.createMany({ data, skipDuplicates: true }));
  await many("disbursements", p.disbursements, (data) => db.disbursement.createMany({ data, skipDuplicates: true }));
  await many("student_consents", p.studentConsents, (data) => db.studentConsent.createMany({ data, skipDuplicates: true }));
  await many("sponsorship_events", p.sponsorshipEvents, (data) => db.sponsorshipEvent.createMany({ data, skipDuplicates: true }));
  await many("standing_orders", p.standingOrders, (data) => db.standingOrder.createMany({ data, skipDuplicates: true }));
  await many("receipts", p.receipts, (data) => db.receipt.createMany({ data, skipDuplicates: true }));
  await many("document_sequences", p.documentSequences, (data) => db.documentSequence.createMany({ data, skipDuplicates: true }));
  await many("invoices", p.invoices, (data) => db.invoice.createMany({ data, skipDuplicates: true }));
  // Lines need their invoices, so they follow the unit's marker.
  await many("invoice_lines", p.invoiceLines, (data) => db.invoiceLine.createMany({ data, skipDuplicates: true }));
  return total;
}

export async function countTables(db: PrismaClient): Promise<Counts> {
  const tables = await db.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY table_name`,
  );
  const counts: Counts = {};
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

/**
 * One M-Pesa Paybill payment whose account number names no payment, so the admin's
 * "money to settle by hand" list has something to show in the demo.
 */
async function seedUnappliedMoney(db: PrismaClient, anchor: Date, counts: Counts) {
  const receivedAt = new Date(anchor.getTime() - 3 * 86_400_000);
  const transId = "TKS0DEMO01";
  const accountNumber = "ELIMU SCHOOL FEES";
  const { count } = await db.webhookEvent.createMany({
    data: [
      {
        id: `mpesa:c2b:${transId}`,
        provider: "mpesa",
        type: "c2b_confirmation",
        payload: {
          TransactionType: "Pay Bill",
          TransID: transId,
          TransTime: "20261128093000",
          TransAmount: "3500.00",
          BusinessShortCode: "600984",
          BillRefNumber: accountNumber,
          MSISDN: "2547 ***** 126",
          FirstName: "Demo",
        },
        receivedAt,
        unappliedReason: `M-Pesa Paybill payment ${transId} names no payment (account number "${accountNumber}")`,
        unappliedAmountMinor: 350_000n,
        unappliedCurrency: "KES",
        providerReceipt: transId,
      },
    ],
    skipDuplicates: true,
  });
  addCount(counts, "webhook_events", count);
}

export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const anchor = options.anchor ?? defaultAnchor();
  const log = options.log ?? (() => {});
  const skipSeeded = options.skipSeededUnits ?? true;
  const inserted: Counts = {};

  log(`Seeding scale ${scale}, anchor ${anchor.toISOString()}`);
  const refs = await ensureReferenceData(db, inserted);
  const accounts = await ensureAccounts(db, anchor, inserted, log);
  await seedCreatorEconomy(db, accounts, anchor, inserted);
  await seedUnappliedMoney(db, anchor, inserted);
  log(`Shared data ready (${Math.round(performance.now() - started)} ms)`);

  const timeline = new Timeline(anchor);
  let unitsSeeded = 0;
  let unitsSkipped = 0;
  for (let unit = 0; unit < scale; unit++) {
    const unitStart = performance.now();
    if (skipSeeded && (await db.invoice.findUnique({ where: { id: unitMarkerId(unit) }, select: { id: true } }))) {
      unitsSkipped++;
      continue;
    }
    const ctx: UnitContext = { unit, timeline, countyIdByCode: refs.countyIdByCode, courseIdByKey: refs.courseIdByKey };
    const data = generateUnit(ctx, accounts.partners);
    const generatedMs = performance.now() - unitStart;
    const rows = await insertUnit(db, data, inserted);
    unitsSeeded++;
    log(
      `Unit ${unit + 1}/${scale}: ${rows.toLocaleString("en-US")} rows inserted (generate ${Math.round(generatedMs)} ms, total ${Math.round(performance.now() - unitStart)} ms)`,
    );
  }
  if (unitsSkipped) log(`${unitsSkipped} unit(s) were already seeded and skipped`);
  // Fresh planner statistics after a bulk load, so queries get plans for the real row counts.
  if (unitsSeeded) await db.$executeRawUnsafe("ANALYZE");

  return {
    scale,
    anchor: anchor.toISOString(),
    unitsSeeded,
    unitsSkipped,
    inserted,
    tables: await countTables(db),
    durationMs: Math.round(performance.now() - started),
  };
}
