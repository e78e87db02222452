/**
 * Partner portfolios for one scale unit: programmes with participants and milestones,
 * sponsorships with their courses, disbursements and timelines, and the payment and
 * invoice ledger. Planned in two steps: who is supported (before learning histories are
 * generated, because support shapes them) and then everything that depends on the
 * learners' actual progress.
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import { disbursementPeriods } from "../../lib/sponsorship/disbursement-calendar";
import { formatDocumentNumber } from "../../lib/billing/next-document-number";
import type { PartyDetails } from "../../lib/billing/party-details";
import { UNALLOCATED_LINE } from "../../lib/billing/raise-invoice";
import { humanize } from "../../lib/humanize";
import { courseSpec, subjectLabel, type SubjectKey } from "./catalog";
import { DAY, addDays, addHours, addMonths, atEatHours, compactDate, dayOf, maxDate, minDate } from "./dates";
import { courseId, type StudentInfo, type StudentLearning, type Support, type UnitContext } from "./education";
import { seedId } from "./ids";
import { rngFor, type Rng } from "./random";

export type PartnerKey = "p1" | "p2";

export interface PartnerOrg {
  key: PartnerKey;
  organizationId: string;
  /** Who bills this partner and both parties' details, for the invoices and receipts seeded for it. */
  documents: { issuerId: string; issuer: PartyDetails; payer: PartyDetails };
  /** The owner's user account: who records what the organisation records in the demo (consents). */
  ownerId: string;
}

type SponsorshipType = "full_scholarship" | "course_specific" | "partial";
type SponsorshipStatus = "pending" | "active" | "completed" | "cancelled";
type PaymentMethod = "mpesa" | "bank_transfer" | "paypal" | "stripe";
type PaymentStatus = "pending" | "completed" | "failed" | "refunded";
type InvoiceStatus = "draft" | "sent" | "paid" | "overdue";

interface ProgramSpec {
  key: string;
  name: string;
  description: string;
  status: "active" | "planning";
  budgetKes: number;
  targetStudents: number;
  grades: number[];
  counties: string[];
  maxIncomeKes: number;
  subjects: SubjectKey[];
  /** Months from the anchor's month to the start (negative: already started). */
  startOffsetMonths: number;
  durationMonths: number;
  participants: number;
  milestones: Array<{ days: number; text: string }>;
}

interface PortfolioSpec {
  programs: ProgramSpec[];
  /** Sponsorships attached to a programme (active, course-specific; the student also participates). */
  linked: Record<string, number>;
  statuses: Record<SponsorshipStatus, number>;
  types: Record<SponsorshipType, number>;
}

const PORTFOLIOS: Record<PartnerKey, PortfolioSpec> = {
  p1: {
    programs: [
      {
        key: "stem",
        name: "Nairobi STEM Scholars",
        description:
          "Mathematics, science and ICT support for upper-primary learners from low-income households in Nairobi and Kiambu, with weekly AI tutor sessions and a coding club in every partner school.",
        status: "active",
        budgetKes: 1_500_000,
        targetStudents: 50,
        grades: [6, 7, 8],
        counties: ["Nairobi", "Kiambu"],
        maxIncomeKes: 35_000,
        subjects: ["Mathematics", "Science", "ICT"],
        startOffsetMonths: -7,
        durationMonths: 12,
        participants: 44,
        milestones: [
          { days: -21, text: "Partner schools in Nairobi and Kiambu signed up" },
          { days: 0, text: "Programme launched" },
          { days: 21, text: "First cohort of {n} learners enrolled" },
          { days: 75, text: "Coding club kits delivered to partner schools" },
          { days: 150, text: "Mid-programme assessment review completed" },
        ],
      },
      {
        key: "coast",
        name: "Coast Region Digital Literacy",
        description:
          "Digital skills and English literacy for learners in Mombasa, Kilifi and Kwale, with shared tablets, data bundles and teacher training.",
        status: "active",
        budgetKes: 1_200_000,
        targetStudents: 40,
        grades: [5, 6, 7, 8],
        counties: ["Mombasa", "Kilifi", "Kwale"],
        maxIncomeKes: 25_000,
        subjects: ["ICT", "English"],
        startOffsetMonths: -4,
        durationMonths: 12,
        participants: 38,
        milestones: [
          { days: 0, text: "Programme launched in Mombasa, Kilifi and Kwale" },
          { days: 18, text: "{n} learners enrolled" },
          { days: 40, text: "Tablets and data bundles distributed to partner schools" },
          { days: 95, text: "Teacher digital-literacy workshop held in Malindi" },
        ],
      },
      {
        key: "rift",
        name: "Rift Valley Girls in Science",
        description:
          "Science and mathematics mentorship for girls in upper primary across Nakuru, Uasin Gishu, Kericho and Nandi, with women scientists as mentors.",
        status: "planning",
        budgetKes: 900_000,
        targetStudents: 30,
        grades: [6, 7, 8],
        counties: ["Nakuru", "Uasin Gishu", "Kericho", "Nandi"],
        maxIncomeKes: 30_000,
        subjects: ["Science", "Mathematics"],
        startOffsetMonths: 2,
        durationMonths: 12,
        participants: 0,
        milestones: [
          { days: -75, text: "Programme proposal approved by the board" },
          { days: -50, text: "Mentor recruitment opened" },
        ],
      },
    ],
    linked: { stem: 3, coast: 3 },
    statuses: { active: 24, pending: 5, completed: 6, cancelled: 4 },
    types: { full_scholarship: 14, course_specific: 12, partial: 13 },
  },
  p2: {
    programs: [
      {
        key: "coders",
        name: "Jenga Tech Young Coders",
        description: "After-school coding and problem-solving for learners in Kisumu and Siaya, mentored by Jenga Tech engineers.",
        status: "active",
        budgetKes: 600_000,
        targetStudents: 20,
        grades: [6, 7, 8],
        counties: ["Kisumu", "Siaya"],
        maxIncomeKes: 30_000,
        subjects: ["ICT", "Mathematics"],
        startOffsetMonths: -5,
        durationMonths: 10,
        participants: 16,
        milestones: [
          { days: 0, text: "Programme launched with Kisumu partner schools" },
          { days: 14, text: "{n} learners enrolled" },
          { days: 90, text: "First coding hackathon held in Kisumu" },
        ],
      },
    ],
    linked: { coders: 2 },
    statuses: { active: 5, pending: 1, completed: 1, cancelled: 1 },
    types: { full_scholarship: 3, course_specific: 2, partial: 3 },
  },
};

// ───────────────────────────── Step 1: who is supported ─────────────────────────────

interface ProgramPlan {
  spec: ProgramSpec;
  key: string;
  id: string;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
  participants: Array<{ student: StudentInfo; enrolledAt: Date }>;
}

interface SponsorshipPlan {
  key: string;
  id: string;
  student: StudentInfo;
  program: ProgramPlan | null;
  type: SponsorshipType;
  status: SponsorshipStatus;
  amountKes: number;
  durationMonths: number;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
  activatedAt: Date | null;
  endedAt: Date | null;
  cancelReason: string | null;
}

interface PartnerPlan {
  org: PartnerOrg;
  programs: ProgramPlan[];
  sponsorships: SponsorshipPlan[];
}

export interface PortfolioPlan {
  partners: PartnerPlan[];
  /** Support per student id, used to shape learning histories. */
  support: Map<string, Support>;
}

function eligible(program: ProgramSpec, student: StudentInfo): boolean {
  return (
    program.grades.includes(student.gradeLevel) &&
    program.counties.includes(student.county.name) &&
    student.incomeKes !== null &&
    student.incomeKes <= program.maxIncomeKes
  );
}

/** Weighted sampling without replacement (Efraimidis–Spirakis), deterministic for a given stream. */
function weightedSample<T>(rng: Rng, items: readonly T[], k: number, weight: (item: T) => number): T[] {
  return items
    .map((item) => ({ item, key: Math.pow(rng.next(), 1 / Math.max(weight(item), 1e-6)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((x) => x.item);
}

const needWeight = (s: StudentInfo) => (s.incomeKes === null ? 0.6 : 1 / Math.pow(1 + s.incomeKes / 15_000, 2));

function planProgram(ctx: UnitContext, partner: PartnerKey, spec: ProgramSpec): ProgramPlan {
  const key = `u${ctx.unit}:${partner}:program:${spec.key}`;
  const rng = rngFor(key);
  const monthStart = new Date(Date.UTC(ctx.timeline.anchor.getUTCFullYear(), ctx.timeline.anchor.getUTCMonth(), 1));
  const startDate = addDays(addMonths(monthStart, spec.startOffsetMonths), rng.int(0, 9));
  return {
    spec,
    key,
    id: seedId(key),
    startDate,
    endDate: addDays(addMonths(startDate, spec.durationMonths), -1),
    createdAt: ctx.timeline.beforeAnchor(atEatHours(rng, addDays(startDate, spec.status === "planning" ? -100 : -rng.int(35, 60)), 9, 17)),
    participants: [],
  };
}

function planSponsorshipDates(ctx: UnitContext, rng: Rng, status: SponsorshipStatus, program: ProgramPlan | null) {
  const { timeline } = ctx;
  const anchor = timeline.anchor;
  const anchorMonth = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  let durationMonths = rng.int(6, 12);
  let startDate: Date;
  let activatedAt: Date | null = null;
  let endedAt: Date | null = null;
  let createdAt: Date;
  switch (status) {
    case "active": {
      const monthsAgo = rng.int(1, Math.min(durationMonths - 1, 10));
      startDate = addDays(addMonths(anchorMonth, -monthsAgo), rng.chance(0.6) ? 0 : 14);
      if (program && startDate < program.startDate) startDate = addDays(dayOf(program.startDate), 7);
      if (startDate >= anchor) startDate = addMonths(anchorMonth, -1);
      activatedAt = addHours(startDate, 6 + rng.int(0, 3));
      createdAt = atEatHours(rng, addDays(startDate, -rng.int(5, 20)), 9, 17);
      break;
    }
    case "completed": {
      // Started early in the history window and already finished.
      startDate = addMonths(anchorMonth, -rng.int(12, 13));
      durationMonths = rng.int(10, 11);
      activatedAt = addHours(startDate, 6 + rng.int(0, 3));
      createdAt = atEatHours(rng, addDays(startDate, -rng.int(5, 20)), 9, 17);
      endedAt = addHours(addDays(addMonths(startDate, durationMonths), -1), 14);
      break;
    }
    case "pending": {
      createdAt = timeline.beforeAnchor(atEatHours(rng, addDays(anchor, -rng.int(2, 20)), 9, 17));
      startDate = addMonths(anchorMonth, rng.int(1, 2));
      break;
    }
    case "cancelled": {
      startDate = addMonths(anchorMonth, -rng.int(3, 8));
      createdAt = atEatHours(rng, addDays(startDate, -rng.int(5, 20)), 9, 17);
      if (rng.chance(0.6)) {
        activatedAt = addHours(startDate, 6);
        endedAt = timeline.beforeAnchor(atEatHours(rng, addDays(startDate, rng.int(20, 70)), 9, 17), 60 * 24 * 3);
      } else {
        endedAt = atEatHours(rng, addDays(createdAt, rng.int(3, 12)), 9, 17);
      }
      break;
    }
  }
  const endDate = addDays(addMonths(startDate, durationMonths), -1);
  return { durationMonths, startDate, endDate, createdAt, activatedAt, endedAt };
}

const CANCEL_REASONS = [
  "family relocated to another county",
  "student transferred to a boarding school outside the programme",
  "guardian requested to pause support",
  "duplicate application; student already sponsored by a county bursary",
];

export function planPortfolios(ctx: UnitContext, students: readonly StudentInfo[], orgs: readonly PartnerOrg[]): PortfolioPlan {
  const rng = rngFor(`u${ctx.unit}:portfolio`);
  const taken = new Set<string>();
  const partners: PartnerPlan[] = [];

  // Partner 2's programme first: it is small and its counties overlap no one else's.
  const ordered = [...orgs].sort((a, b) => (a.key === "p2" ? -1 : b.key === "p2" ? 1 : 0));
  for (const org of ordered) {
    const spec = PORTFOLIOS[org.key];
    const programs = spec.programs.map((p) => planProgram(ctx, org.key, p));
    for (const program of programs) {
      if (program.spec.participants === 0 || program.startDate >= ctx.timeline.anchor) continue;
      const pool = students.filter((s) => !taken.has(s.id) && eligible(program.spec, s));
      for (const student of weightedSample(rng, pool, program.spec.participants, needWeight)) {
        taken.add(student.id);
        const prng = rngFor(`${program.key}:participant:${student.id}`);
        const enrolledAt = ctx.timeline.beforeAnchor(atEatHours(prng, addDays(program.startDate, prng.int(0, 21)), 9, 17));
        program.participants.push({ student, enrolledAt });
      }
      program.participants.sort((a, b) => a.student.index - b.student.index);
    }
    partners.push({ org, programs, sponsorships: [] });
  }

  for (const plan of partners.sort((a, b) => (a.org.key < b.org.key ? -1 : 1))) {
    const spec = PORTFOLIOS[plan.org.key];
    const slots: Array<{ status: SponsorshipStatus; type: SponsorshipType; program: ProgramPlan | null; student: StudentInfo }> = [];
    for (const [programKey, count] of Object.entries(spec.linked)) {
      const program = plan.programs.find((p) => p.spec.key === programKey)!;
      const chosen = rng.sample(program.participants, count);
      for (const { student } of chosen) slots.push({ status: "active", type: "course_specific", program, student });
    }
    const statuses = (Object.entries(spec.statuses) as Array<[SponsorshipStatus, number]>).flatMap(([s, n]) =>
      Array<SponsorshipStatus>(n).fill(s),
    );
    const types = rng.shuffle(
      (Object.entries(spec.types) as Array<[SponsorshipType, number]>).flatMap(([t, n]) => Array<SponsorshipType>(n).fill(t)),
    );
    const pool = students.filter((s) => !taken.has(s.id));
    const chosen = rng.shuffle(weightedSample(rng, pool, statuses.length, needWeight));
    chosen.forEach((student, i) => {
      taken.add(student.id);
      slots.push({ status: statuses[i]!, type: types[i]!, program: null, student });
    });

    slots.forEach((slot, i) => {
      const key = `u${ctx.unit}:${plan.org.key}:sponsorship:${i}`;
      const srng = rngFor(key);
      const dates = planSponsorshipDates(ctx, srng, slot.status, slot.program);
      const amountKes =
        slot.type === "full_scholarship"
          ? srng.int(80, 120) * 500
          : slot.type === "partial"
            ? srng.int(30, 60) * 500
            : srng.int(30, 70) * 500;
      plan.sponsorships.push({
        key,
        id: seedId(key),
        student: slot.student,
        program: slot.program,
        type: slot.type,
        status: slot.status,
        amountKes,
        ...dates,
        cancelReason: slot.status === "cancelled" ? srng.pick(CANCEL_REASONS) : null,
      });
    });
  }

  // What the support means for each learner.
  const support = new Map<string, Support>();
  const merge = (student: StudentInfo, add: Support) => {
    const prev = support.get(student.id);
    if (!prev) return support.set(student.id, add);
    const earliest = (a: Date | null, b: Date | null) => (a && b ? minDate(a, b) : (a ?? b));
    support.set(student.id, {
      activatedAt: earliest(prev.activatedAt, add.activatedAt),
      endedAt: prev.endedAt && add.endedAt ? maxDate(prev.endedAt, add.endedAt) : null,
      subjects: [...new Set([...prev.subjects, ...add.subjects])],
      minCourses: Math.max(prev.minCourses, add.minCourses),
      knownSince: earliest(prev.knownSince, add.knownSince),
    });
  };
  for (const plan of partners) {
    for (const program of plan.programs) {
      for (const p of program.participants) {
        merge(p.student, {
          activatedAt: p.enrolledAt,
          endedAt: null,
          subjects: program.spec.subjects,
          minCourses: program.spec.subjects.length,
          knownSince: p.enrolledAt,
        });
      }
    }
    for (const s of plan.sponsorships) {
      merge(s.student, {
        activatedAt: s.activatedAt,
        endedAt: s.status === "cancelled" ? s.endedAt : null,
        subjects: [],
        minCourses: s.type === "full_scholarship" ? 4 : 3,
        knownSince: s.createdAt,
      });
    }
  }
  return { partners, support };
}

// ───────────────────────────── Step 2: portfolio rows ─────────────────────────────

export interface PortfolioRows {
  programs: Prisma.ProgramCreateManyInput[];
  programCourses: Prisma.ProgramCourseCreateManyInput[];
  programParticipants: Prisma.ProgramParticipantCreateManyInput[];
  programMilestones: Prisma.ProgramMilestoneCreateManyInput[];
  sponsorships: Prisma.SponsorshipCreateManyInput[];
  sponsorshipCourses: Prisma.SponsorshipCourseCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  paymentSponsorships: Prisma.PaymentSponsorshipCreateManyInput[];
  disbursements: Prisma.DisbursementCreateManyInput[];
  sponsorshipEvents: Prisma.SponsorshipEventCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  invoiceLines: Prisma.InvoiceLineCreateManyInput[];
  receipts: Prisma.ReceiptCreateManyInput[];
  documentSequences: Prisma.DocumentSequenceCreateManyInput[];
  standingOrders: Prisma.StandingOrderCreateManyInput[];
  studentConsents: Prisma.StudentConsentCreateManyInput[];
}

export function emptyPortfolioRows(): PortfolioRows {
  return {
    programs: [],
    programCourses: [],
    programParticipants: [],
    programMilestones: [],
    sponsorships: [],
    sponsorshipCourses: [],
    payments: [],
    paymentSponsorships: [],
    disbursements: [],
    sponsorshipEvents: [],
    invoices: [],
    invoiceLines: [],
    receipts: [],
    documentSequences: [],
    standingOrders: [],
    studentConsents: [],
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const kes = (amount: number) => `KES ${amount.toLocaleString("en-US")}`;
const minor = (amountKes: number) => BigInt(Math.round(amountKes * 100));
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const monthLabel = (d: Date) => `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** Payment reference prefixes, as shown to partners (e.g. BT_20260201_001). */
const REFERENCE_PREFIX: Record<PaymentMethod, string> = { bank_transfer: "BT", mpesa: "MP", paypal: "PP", stripe: "ST" };

interface PaymentSpec {
  key: string;
  method: PaymentMethod;
  status: PaymentStatus;
  createdAt: Date;
  description: string;
  /** Fixed amount (programme payments); otherwise the sum of the covered sponsorships' instalments. */
  amountKes?: number;
  program?: ProgramPlan;
  /** Monthly batch: pays one instalment of every sponsorship running at `createdAt`. */
  batch?: boolean;
  /** Payment whose sponsorship coverage this one copies (retries, duplicates). */
  sameAs?: string;
  failureReason?: string;
  invoice?: InvoiceTerms;
}

interface InvoiceTerms {
  status: InvoiceStatus;
  description: string;
  issuedAt: Date;
  dueDate: Date;
}

interface InvoiceSpec extends InvoiceTerms {
  key: string;
  amountKes: number;
  program?: ProgramPlan;
  paymentKey?: string;
  paidAt?: Date | null;
}

function ledger(ctx: UnitContext, plan: PartnerPlan): { payments: PaymentSpec[]; invoices: InvoiceSpec[] } {
  const { timeline } = ctx;
  const anchor = timeline.anchor;
  const anchorMonth = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const p = (suffix: string) => `u${ctx.unit}:${plan.org.key}:payment:${suffix}`;
  const rng = rngFor(`u${ctx.unit}:${plan.org.key}:ledger`);
  const at = (date: Date, from = 9, to = 16) => timeline.beforeAnchor(atEatHours(rng, date, from, to));
  const program = (key: string) => plan.programs.find((x) => x.spec.key === key)!;
  const MONTHLY = "Monthly scholarship disbursement";
  const payments: PaymentSpec[] = [];
  const invoices: InvoiceSpec[] = [];
  // Due dates at least a month after the anchor stay in the future while the seed is current.
  const nextDue = addDays(addMonths(anchorMonth, 1), 4);

  if (plan.org.key === "p1") {
    const methods: PaymentMethod[] = [
      "bank_transfer",
      "mpesa",
      "mpesa",
      "stripe",
      "bank_transfer",
      "mpesa",
      "paypal",
      "mpesa",
      "bank_transfer",
      "mpesa",
      "stripe",
      "mpesa",
    ];
    for (let m = -12; m <= -1; m++) {
      const month = addMonths(anchorMonth, m);
      const createdAt = at(addDays(month, 1));
      if (m === -1) {
        payments.push({
          key: p("batch:-1:failed"),
          method: "mpesa",
          status: "failed",
          createdAt: at(month, 8, 10),
          description: `${MONTHLY} - ${monthLabel(month)}`,
          batch: true,
          failureReason: "The M-Pesa request was cancelled by the user (ResultCode 1032)",
        });
      }
      payments.push({
        key: p(`batch:${m}`),
        method: methods[m + 12]!,
        status: "completed",
        createdAt,
        description: `${MONTHLY} - ${monthLabel(month)}`,
        batch: true,
        invoice: m === -2 ? { status: "paid", description: MONTHLY, issuedAt: addDays(month, -10), dueDate: addDays(month, 4) } : undefined,
      });
      if (m === -4) {
        payments.push({
          key: p("batch:-4:duplicate"),
          method: "stripe",
          status: "refunded",
          createdAt: addHours(createdAt, 0.2),
          description: `${MONTHLY} - ${monthLabel(month)} (duplicate charge, refunded)`,
          sameAs: p("batch:-4"),
        });
      }
    }
    payments.push({
      key: p("batch:0"),
      method: "mpesa",
      status: "pending",
      createdAt: at(addDays(anchorMonth, -1)),
      description: `${MONTHLY} - ${monthLabel(anchorMonth)}`,
      batch: true,
      invoice: { status: "sent", description: MONTHLY, issuedAt: addDays(anchorMonth, -5), dueDate: nextDue },
    });

    const stem = program("stem");
    const coast = program("coast");
    const rift = program("rift");
    const tranche = (prog: ProgramPlan, n: number, monthsIn: number, amountKes: number, status: PaymentStatus = "completed") => {
      const createdAt = at(addDays(addMonths(prog.startDate, monthsIn), -5));
      const description = `${prog.spec.name} - funding tranche ${n}`;
      const invoice =
        status === "completed"
          ? { status: "paid" as const, description, issuedAt: addDays(createdAt, -14), dueDate: addDays(createdAt, 7) }
          : { status: "sent" as const, description, issuedAt: addDays(anchorMonth, -3), dueDate: addDays(nextDue, 6) };
      payments.push({
        key: p(`${prog.spec.key}:tranche:${n}`),
        method: "bank_transfer",
        status,
        createdAt: status === "pending" ? at(addDays(anchorMonth, -3)) : createdAt,
        description,
        amountKes,
        program: prog,
        invoice,
      });
    };
    tranche(stem, 1, 0, 500_000);
    tranche(stem, 2, 3, 500_000);
    tranche(stem, 3, 6, 250_000);
    tranche(coast, 1, 0, 400_000);
    tranche(coast, 2, 3, 300_000);
    tranche(coast, 3, 6, 300_000, "pending");
    payments.push({
      key: p("coast:tablets"),
      method: "paypal",
      status: "completed",
      createdAt: at(addMonths(coast.startDate, 1)),
      description: `${coast.spec.name} - tablets and data bundles`,
      amountKes: 180_000,
      program: coast,
    });
    const scopingAt = at(addDays(anchorMonth, -20));
    payments.push({
      key: p("rift:scoping"),
      method: "stripe",
      status: "completed",
      createdAt: scopingAt,
      description: `${rift.spec.name} - scoping and mentor recruitment`,
      amountKes: 90_000,
      program: rift,
      invoice: {
        status: "paid",
        description: `${rift.spec.name} - scoping and mentor recruitment`,
        issuedAt: addDays(scopingAt, -7),
        dueDate: addDays(scopingAt, 14),
      },
    });
    payments.push({
      key: p("stem:mentorship"),
      method: "paypal",
      status: "pending",
      createdAt: at(addDays(anchorMonth, -12)),
      description: `${stem.spec.name} - mentorship day logistics`,
      amountKes: 60_000,
      program: stem,
      invoice: {
        status: "overdue",
        description: `${stem.spec.name} - mentorship day logistics`,
        issuedAt: addDays(anchorMonth, -40),
        dueDate: addDays(anchorMonth, -10),
      },
    });
    invoices.push({
      key: `u${ctx.unit}:p1:invoice:supplies`,
      status: "overdue",
      description: "School supplies and uniforms - Term 1",
      issuedAt: addDays(anchorMonth, -55),
      dueDate: addDays(anchorMonth, -25),
      amountKes: 135_000,
    });
    invoices.push({
      key: `u${ctx.unit}:p1:invoice:rift-phase-1`,
      status: "draft",
      description: `${rift.spec.name} - phase 1 funding`,
      issuedAt: addDays(anchorMonth, -1),
      dueDate: addMonths(anchorMonth, 2),
      amountKes: 450_000,
      program: rift,
    });
  } else {
    const coders = program("coders");
    payments.push({
      key: p("coders:tranche:1"),
      method: "bank_transfer",
      status: "completed",
      createdAt: at(addDays(coders.startDate, -4)),
      description: `${coders.spec.name} - funding tranche 1`,
      amountKes: 300_000,
      program: coders,
      invoice: {
        status: "paid",
        description: `${coders.spec.name} - funding tranche 1`,
        issuedAt: addDays(coders.startDate, -18),
        dueDate: addDays(coders.startDate, -1),
      },
    });
    const methods: PaymentMethod[] = ["stripe", "paypal", "stripe", "stripe"];
    for (let m = -4; m <= -1; m++) {
      const month = addMonths(anchorMonth, m);
      payments.push({
        key: p(`batch:${m}`),
        method: methods[m + 4]!,
        status: "completed",
        createdAt: at(addDays(month, 2)),
        description: `${MONTHLY} - ${monthLabel(month)}`,
        batch: true,
        invoice: m === -1 ? { status: "paid", description: MONTHLY, issuedAt: addDays(month, -8), dueDate: addDays(month, 5) } : undefined,
      });
    }
    payments.push({
      key: p("batch:0"),
      method: "stripe",
      status: "pending",
      createdAt: at(addDays(anchorMonth, -1)),
      description: `${MONTHLY} - ${monthLabel(anchorMonth)}`,
      batch: true,
      invoice: { status: "sent", description: MONTHLY, issuedAt: addDays(anchorMonth, -4), dueDate: nextDue },
    });
  }
  payments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { payments, invoices };
}

function randomToken(rng: Rng, length: number, alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

function providerRef(rng: Rng, method: PaymentMethod, createdAt: Date, id: string): string | null {
  const hex = id.replaceAll("-", "");
  switch (method) {
    case "mpesa": {
      const d = createdAt.toISOString();
      return `ws_CO_${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(0, 4)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}${hex.slice(0, 10)}`;
    }
    case "paypal":
      return `PAYID-${randomToken(rng, 6)}${hex.slice(0, 14).toUpperCase()}`;
    case "stripe":
      return `pi_demo_${hex.slice(0, 24)}`;
    case "bank_transfer":
      return null;
  }
}

/** Monthly instalment of a sponsorship, in whole KES. */
const instalmentKes = (s: SponsorshipPlan) => Math.floor(s.amountKes / s.durationMonths);

function runningAt(s: SponsorshipPlan, at: Date): boolean {
  if (!s.activatedAt || s.activatedAt >= at) return false;
  if (s.status === "cancelled") return false;
  return at.getTime() < s.endDate.getTime() + DAY;
}

export function buildPortfolios(
  ctx: UnitContext,
  plan: PortfolioPlan,
  learning: ReadonlyMap<string, StudentLearning>,
  rows: PortfolioRows,
): void {
  const { timeline } = ctx;
  const anchor = timeline.anchor;
  let referenceSeq = 0;
  let invoiceSeq = 0;
  const unitTag = ctx.unit === 0 ? "" : `U${ctx.unit}`;

  for (const partner of plan.partners) {
    const orgId = partner.org.organizationId;
    const { documents } = partner.org;
    const prng = rngFor(`u${ctx.unit}:${partner.org.key}:contact`);
    const phone = `+2547${prng.int(10, 99)}${String(prng.int(0, 999_999)).padStart(6, "0")}`;

    // Programmes.
    for (const program of partner.programs) {
      const { spec } = program;
      rows.programs.push({
        id: program.id,
        partnerId: orgId,
        name: ctx.unit === 0 ? spec.name : `${spec.name} (Cohort ${ctx.unit + 1})`,
        description: spec.description,
        status: spec.status,
        targetStudents: spec.targetStudents,
        budgetMinor: minor(spec.budgetKes),
        currency: "KES",
        eligibility: { grade_levels: spec.grades, counties: spec.counties, max_household_income: spec.maxIncomeKes },
        startDate: dayOf(program.startDate),
        endDate: dayOf(program.endDate),
        createdAt: program.createdAt,
        updatedAt: program.createdAt,
        // Funded at launch: its participants count as funded from then.
        activatedAt: spec.status === "planning" ? null : program.startDate,
      });
      for (const subject of spec.subjects) {
        for (const grade of spec.grades) {
          rows.programCourses.push({ programId: program.id, courseId: courseId(ctx, courseSpec(subject, grade)) });
        }
      }
      for (const p of program.participants) {
        rows.programParticipants.push({ programId: program.id, studentId: p.student.id, enrolledAt: p.enrolledAt });
      }
      spec.milestones.forEach((m, i) => {
        const occurredAt = addDays(program.startDate, m.days);
        if (occurredAt >= anchor) return;
        rows.programMilestones.push({
          id: seedId(`${program.key}:milestone:${i}`),
          programId: program.id,
          description: m.text.replace("{n}", String(program.participants.length)),
          occurredAt: dayOf(occurredAt),
        });
      });
    }

    // The demo partner's monthly standing order for its first running programme: the dashboard's next scheduled payment.
    const funded = partner.org.key === "p1" ? partner.programs.find((p) => p.spec.status === "active") : undefined;
    if (funded) {
      const firstDue = addDays(new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 1)), 4);
      rows.standingOrders.push({
        id: seedId(`u${ctx.unit}:${partner.org.key}:standing-order:monthly`),
        partnerId: orgId,
        description: `Monthly support for ${ctx.unit === 0 ? funded.spec.name : `${funded.spec.name} (Cohort ${ctx.unit + 1})`}`,
        method: "mpesa",
        phoneNumber: phone,
        programId: funded.id,
        amountMinor: minor(25_000),
        currency: "KES",
        frequency: "monthly",
        startDate: firstDue,
        nextDueDate: firstDue,
        status: "active",
        createdAt: addDays(anchor, -3),
        updatedAt: addDays(anchor, -3),
      });
    }

    // Sponsorships and the courses they cover.
    const covered = new Map<string, StudentLearning["enrollments"]>();
    for (const s of partner.sponsorships) {
      const srng = rngFor(`${s.key}:rows`);
      const studentLearning = learning.get(s.student.id);
      const enrollments = studentLearning?.enrollments ?? [];
      let courses = enrollments;
      if (s.type === "course_specific") {
        const preferred = s.program
          ? enrollments.filter((e) => s.program!.spec.subjects.includes(e.course.subject))
          : enrollments.filter((e) => e.status !== "dropped");
        courses = srng
          .sample(preferred.length ? preferred : enrollments, srng.int(1, 3))
          .sort((a, b) => a.course.title.localeCompare(b.course.title));
      }
      covered.set(s.id, courses);
      for (const e of courses) rows.sponsorshipCourses.push({ sponsorshipId: s.id, courseId: e.courseId });

      const first = s.student.firstName;
      const subjectList = courses.map((e) => subjectLabel(e.course.subject)).join(", ");
      const notes: Record<SponsorshipType, string[]> = {
        full_scholarship: [
          `Full scholarship for ${first}, a Grade ${s.student.gradeLevel} learner at ${s.student.schoolName}, covering all enrolled CBC courses.`,
          `${first} was nominated by the head teacher at ${s.student.schoolName}; the scholarship covers all courses and tablet data.`,
        ],
        course_specific: [
          `Covers ${subjectList} for ${first}; the class teacher recommended extra support in ${subjectLabel(courses[0]?.course.subject ?? "Mathematics")}.`,
          `Course sponsorship for ${first} (${s.student.county.name}) in ${subjectList}.`,
        ],
        partial: [
          `Partial scholarship for ${first}; the guardian contributes the balance of the term fees.`,
          `Top-up support for ${first} at ${s.student.schoolName}; household income ${s.student.incomeKes ? `about ${kes(s.student.incomeKes)} a month` : "not disclosed"}.`,
        ],
      };
      let note = srng.pick(notes[s.type]);
      if (s.program) note += ` Part of ${s.program.spec.name}.`;
      if (s.status === "pending") note += " Awaiting the guardian's consent form.";
      if (s.cancelReason) note += ` Cancelled: ${s.cancelReason}.`;

      rows.sponsorships.push({
        id: s.id,
        partnerId: orgId,
        studentId: s.student.id,
        programId: s.program?.id ?? null,
        type: s.type,
        status: s.status,
        amountMinor: minor(s.amountKes),
        currency: "KES",
        startDate: dayOf(s.startDate),
        endDate: dayOf(s.endDate),
        notes: note,
        createdAt: s.createdAt,
        activatedAt: s.activatedAt,
        endedAt: s.endedAt,
        updatedAt: [s.createdAt, s.activatedAt, s.endedAt].reduce<Date>((a, b) => (b && b > a ? b : a), s.createdAt),
      });
    }

    // The first demo partner has recorded the guardians' consent to show the full names of a few of its students.
    if (partner.org.key === "p1") {
      const firstSponsorship = new Map<string, SponsorshipPlan>();
      for (const s of partner.sponsorships) {
        if (s.activatedAt && !firstSponsorship.has(s.student.id)) firstSponsorship.set(s.student.id, s);
      }
      [...firstSponsorship.values()]
        .filter((_, i) => i % 7 === 0)
        .slice(0, 6)
        .forEach((s) => {
          rows.studentConsents.push({
            organizationId: orgId,
            studentId: s.student.id,
            kind: "full_name",
            recordedById: partner.org.ownerId,
            recordedAt: timeline.beforeAnchor(addDays(s.activatedAt!, 2)),
            note: "Signed consent form from the guardian, kept on file.",
          });
        });
    }

    // Payments, what they paid for, and the disbursements they funded.
    const { payments, invoices } = ledger(ctx, partner);
    const paymentIds = new Map<string, string>();
    const coverage = new Map<string, SponsorshipPlan[]>();
    const disbursed = new Map<string, Array<{ amountKes: number; at: Date }>>();
    for (const spec of payments) {
      const id = seedId(spec.key);
      paymentIds.set(spec.key, id);
      const rng = rngFor(spec.key);
      let sponsorships: SponsorshipPlan[] = [];
      if (spec.batch) sponsorships = partner.sponsorships.filter((s) => runningAt(s, spec.createdAt));
      else if (spec.sameAs) sponsorships = coverage.get(spec.sameAs) ?? [];
      coverage.set(spec.key, sponsorships);

      let amountKes = spec.amountKes ?? sponsorships.reduce((sum, s) => sum + instalmentKes(s), 0);
      let programId = spec.program?.id ?? null;
      if (amountKes === 0) {
        // No sponsorship was running yet: fund the partner's first programme instead.
        amountKes = 50_000;
        programId = partner.programs[0]!.id;
      }
      const completedAt =
        spec.status === "completed" || spec.status === "refunded"
          ? timeline.beforeAnchor(addHours(spec.createdAt, rng.int(1, 20)), 20)
          : null;
      const refundedAt = spec.status === "refunded" ? timeline.beforeAnchor(addDays(completedAt!, rng.int(1, 3)), 10) : null;
      const failedAt = spec.status === "failed" ? addHours(spec.createdAt, 0.05) : null;
      const date = compactDate(spec.createdAt);
      referenceSeq++;
      rows.payments.push({
        id,
        partnerId: orgId,
        programId,
        amountMinor: minor(amountKes),
        currency: "KES",
        method: spec.method,
        status: spec.status,
        description: spec.description,
        reference: `${REFERENCE_PREFIX[spec.method]}_${date}_${unitTag ? `${unitTag}_` : ""}${String(referenceSeq).padStart(3, "0")}`,
        bankReference: spec.method === "bank_transfer" ? `FT${date.slice(2)}${randomToken(rng, 6)}` : null,
        phoneNumber: spec.method === "mpesa" ? phone : null,
        providerRef: providerRef(rng, spec.method, spec.createdAt, id),
        failureReason: spec.failureReason ?? null,
        createdAt: spec.createdAt,
        completedAt,
        updatedAt: refundedAt ?? completedAt ?? failedAt ?? spec.createdAt,
        // Demo payments are in KES, the partners' reporting currency: settled ones convert at 1.
        ...(spec.status === "completed"
          ? { exchangeRate: 1, rateSource: "same_currency", reportingAmountMinor: minor(amountKes), reportingCurrency: "KES" }
          : {}),
      });
      for (const s of sponsorships) rows.paymentSponsorships.push({ paymentId: id, sponsorshipId: s.id });

      if (spec.status === "completed" && spec.batch) {
        for (const s of sponsorships) {
          const list = disbursed.get(s.id) ?? [];
          // Each instalment is for the sponsorship's next monthly period, as payments fund them in order.
          const periods = disbursementPeriods({ startDate: s.startDate, endDate: s.endDate, amountMinor: minor(s.amountKes) });
          const periodStart = periods[Math.min(list.length, periods.length - 1)]!.start;
          const disbursedAt = maxDate(timeline.beforeAnchor(addHours(completedAt!, 2 + rng.int(0, 30)), 10), periodStart);
          list.push({ amountKes: instalmentKes(s), at: disbursedAt });
          disbursed.set(s.id, list);
          rows.disbursements.push({
            id: seedId(`${spec.key}:disbursement:${s.id}`),
            sponsorshipId: s.id,
            paymentId: id,
            amountMinor: minor(instalmentKes(s)),
            currency: "KES",
            description: `${spec.description.replace(" disbursement", "")} for ${s.student.firstName} ${s.student.lastName}`,
            disbursedAt,
            periodStart,
            reportingAmountMinor: minor(instalmentKes(s)),
            reportingCurrency: "KES",
          });
        }
      }

      if (spec.invoice) {
        invoices.push({
          ...spec.invoice,
          key: `${spec.key}:invoice`,
          amountKes,
          program: spec.program,
          paymentKey: spec.key,
          paidAt: completedAt,
        });
      }
    }

    // A completed sponsorship paid in full gets the rounding remainder on its last disbursement.
    for (const s of partner.sponsorships) {
      const list = disbursed.get(s.id);
      if (s.status !== "completed" || !list || list.length !== s.durationMonths) continue;
      const remainder = s.amountKes - instalmentKes(s) * s.durationMonths;
      const row = rows.disbursements.filter((d) => d.sponsorshipId === s.id).at(-1);
      if (row && remainder > 0) row.amountMinor = row.reportingAmountMinor = minor(instalmentKes(s) + remainder);
    }

    // Invoices, numbered in issue order: the first unit's in the payer's own series per year
    // (INV-ELIMU-2026-0001, with the series' last numbers so invoices raised from now on
    // follow them); other units' apart, tagged with the unit, since the series is one per payer.
    invoices.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
    const lastInvoiceNumber = new Map<number, number>();
    for (const inv of invoices) {
      invoiceSeq++;
      const year = inv.issuedAt.getUTCFullYear();
      const inSeries = (lastInvoiceNumber.get(year) ?? 0) + 1;
      lastInvoiceNumber.set(year, inSeries);
      rows.invoices.push({
        id: seedId(inv.key),
        partnerId: orgId,
        paymentId: inv.paymentKey ? paymentIds.get(inv.paymentKey)! : null,
        programId: inv.program?.id ?? null,
        invoiceNumber:
          ctx.unit === 0
            ? formatDocumentNumber("invoice", documents.payer.account_code, year, inSeries)
            : `INV-${year}-${unitTag}-${String(invoiceSeq).padStart(3, "0")}`,
        amountMinor: minor(inv.amountKes),
        currency: "KES",
        status: inv.status,
        description: inv.description,
        issuedDate: dayOf(inv.issuedAt),
        dueDate: dayOf(inv.dueDate),
        paidDate: inv.status === "paid" && inv.paidAt ? dayOf(inv.paidAt) : null,
        createdAt: minDate(addHours(dayOf(inv.issuedAt), 7), addHours(anchor, -1)),
        issuerId: documents.issuerId,
        issuerDetails: { ...documents.issuer },
        payerDetails: { ...documents.payer },
      });
      // One line per sponsorship the payment paid an instalment of, or one for the programme; the rest as general funding.
      const lines: Array<{ description: string; sponsorshipId: string | null; programId: string | null; amountKes: number }> = [];
      for (const s of inv.paymentKey && !inv.program ? (coverage.get(inv.paymentKey) ?? []) : []) {
        lines.push({
          description: `${humanize(s.type)} for ${s.student.firstName} ${s.student.lastName}, ${isoDay(s.startDate)} to ${isoDay(s.endDate)}`,
          sponsorshipId: s.id,
          programId: s.program?.id ?? null,
          amountKes: instalmentKes(s),
        });
      }
      const rest = inv.amountKes - lines.reduce((sum, line) => sum + line.amountKes, 0);
      if (rest > 0 || lines.length === 0) {
        const programName = inv.program
          ? ctx.unit === 0
            ? inv.program.spec.name
            : `${inv.program.spec.name} (Cohort ${ctx.unit + 1})`
          : null;
        lines.push({
          description: programName ? `Program funding: ${programName}` : inv.paymentKey ? UNALLOCATED_LINE : inv.description,
          sponsorshipId: null,
          programId: inv.program?.id ?? null,
          amountKes: rest,
        });
      }
      lines.forEach((line, i) =>
        rows.invoiceLines.push({
          id: seedId(`${inv.key}:line:${i + 1}`),
          invoiceId: seedId(inv.key),
          position: i + 1,
          description: line.description,
          sponsorshipId: line.sponsorshipId,
          programId: line.programId,
          amountMinor: minor(line.amountKes),
          currency: "KES",
        }),
      );
    }

    if (ctx.unit === 0) {
      for (const [year, last] of lastInvoiceNumber) {
        rows.documentSequences.push({ issuerId: documents.issuerId, payerId: orgId, kind: "invoice", year, lastNumber: last });
      }
    }

    // Receipts for the completed payments, numbered per year in the order the money arrived,
    // and the series' last numbers so receipts issued from now on follow them. Only the
    // first unit has them: the others' are issued when first asked for (one series per payer).
    if (ctx.unit === 0) {
      const completed = rows.payments
        .filter((row) => row.partnerId === orgId && row.status === "completed" && row.completedAt)
        .sort((a, b) => (a.completedAt as Date).getTime() - (b.completedAt as Date).getTime());
      const lastNumber = new Map<number, number>();
      for (const payment of completed) {
        const issuedAt = payment.completedAt as Date;
        const year = issuedAt.getUTCFullYear();
        const number = (lastNumber.get(year) ?? 0) + 1;
        lastNumber.set(year, number);
        rows.receipts.push({
          id: seedId(`receipt:${payment.id}`),
          issuerId: documents.issuerId,
          partnerId: orgId,
          paymentId: payment.id!,
          receiptNumber: formatDocumentNumber("receipt", documents.payer.account_code, year, number),
          amountMinor: payment.amountMinor,
          currency: "KES",
          method: payment.method,
          providerReceipt: payment.receipt ?? (payment.method === "bank_transfer" ? (payment.bankReference ?? null) : null),
          issuerDetails: { ...documents.issuer },
          payerDetails: { ...documents.payer },
          issuedAt,
        });
      }
      for (const [year, last] of lastNumber) {
        rows.documentSequences.push({ issuerId: documents.issuerId, payerId: orgId, kind: "receipt", year, lastNumber: last });
      }
    }

    // Sponsorship timelines.
    for (const s of partner.sponsorships) {
      const events: Array<{ event: string; at: Date }> = [{ event: "Sponsorship created", at: s.createdAt }];
      if (s.status === "pending")
        events.push({ event: "Awaiting guardian consent form", at: timeline.beforeAnchor(addDays(s.createdAt, 1)) });
      if (s.activatedAt) {
        events.push({ event: "Sponsorship activated", at: s.activatedAt });
        const firstPaid = disbursed.get(s.id)?.[0];
        if (firstPaid)
          events.push({ event: `First disbursement of ${kes(firstPaid.amountKes)} sent to ${s.student.schoolName}`, at: firstPaid.at });
        const until = s.endedAt ?? anchor;
        const courses = covered.get(s.id) ?? [];
        const modules = courses
          .flatMap((e) =>
            e.modules.map((at, i) => ({ at, text: `Student completed ${e.course.title.replace(/ Grade \d+$/, "")} Module ${i + 1}` })),
          )
          .filter((m) => m.at > s.activatedAt! && m.at < until)
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        const picks = modules.length <= 3 ? modules : [modules[0]!, modules[Math.floor(modules.length / 2)]!, modules[modules.length - 1]!];
        for (const m of picks) events.push({ event: m.text, at: m.at });
        for (const e of courses) {
          if (e.certificateTitle && e.certificateAt && e.certificateAt > s.activatedAt && e.certificateAt < until) {
            events.push({ event: `Student earned the ${e.certificateTitle}`, at: e.certificateAt });
          }
        }
        const highlight = learning.get(s.student.id)?.highlight;
        if (highlight && highlight.score >= 75 && highlight.takenAt < until) {
          events.push({
            event: `Scored ${highlight.score.toFixed(1)}% in the ${highlight.courseTitle} end-of-term assessment`,
            at: highlight.takenAt,
          });
        }
      }
      if (s.status === "completed" && s.endedAt) events.push({ event: "Sponsorship completed", at: s.endedAt });
      if (s.status === "cancelled" && s.endedAt) events.push({ event: `Sponsorship cancelled: ${s.cancelReason}`, at: s.endedAt });
      events
        .filter((e) => e.at < anchor)
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .forEach((e, i) => {
          rows.sponsorshipEvents.push({ id: seedId(`${s.key}:event:${i}`), sponsorshipId: s.id, event: e.event, occurredAt: e.at });
        });
    }
  }
}
