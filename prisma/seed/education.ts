/**
 * One scale unit of learners: schools, students and their learning history
 * (enrollments, module completions, monthly assessments, AI tutor sessions,
 * certificates and grade promotions).
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import { SUBJECT_DIFFICULTY, SUBJECTS, courseSpec, subjectLabel, type CourseSpec, type SubjectKey } from "./catalog";
import { DAY, HISTORY_MONTHS, HOUR, MINUTE, addDays, addHours, addMinutes, atEatHours, daysInMonth, type Timeline } from "./dates";
import { seedId } from "./ids";
import { FOCUS_COUNTIES, kenyanName, schoolNames, type FocusCounty } from "./kenya";
import { clamp, rngFor, type Rng } from "./random";

export interface UnitContext {
  unit: number;
  timeline: Timeline;
  countyIdByCode: ReadonlyMap<number, string>;
  courseIdByKey: ReadonlyMap<string, string>;
}

export function countyId(ctx: UnitContext, code: number): string {
  const id = ctx.countyIdByCode.get(code);
  if (!id) throw new Error(`County ${code} is missing`);
  return id;
}

export function courseId(ctx: UnitContext, course: CourseSpec): string {
  const id = ctx.courseIdByKey.get(course.key);
  if (!id) throw new Error(`Course ${course.title} is missing`);
  return id;
}

export interface StudentInfo {
  index: number;
  key: string;
  id: string;
  firstName: string;
  lastName: string;
  gender: "female" | "male";
  gradeLevel: number;
  county: FocusCounty;
  schoolId: string;
  schoolName: string;
  /** Monthly household income in KES, when known. */
  incomeKes: number | null;
  dateOfBirth: Date;
  avatarUrl: string;
}

/** What a partner's support means for a student's learning. */
export interface Support {
  /** When sponsorship or programme support started; null if it has not started. */
  activatedAt: Date | null;
  /** When support stopped early (cancelled), if it did. */
  endedAt: Date | null;
  /** Subjects the student must be enrolled in (programme courses). */
  subjects: SubjectKey[];
  minCourses: number;
  /** The earliest sponsorship/programme record about the student: the student must exist before it. */
  knownSince: Date | null;
}

export interface EnrollmentInfo {
  id: string;
  course: CourseSpec;
  courseId: string;
  status: "in_progress" | "completed" | "dropped";
  enrolledAt: Date;
  completedAt: Date | null;
  /** Completion time of each completed module, module 1 first. */
  modules: Date[];
  certificateTitle: string | null;
  certificateAt: Date | null;
}

export interface StudentLearning {
  student: StudentInfo;
  enrollments: EnrollmentInfo[];
  /** Highest end-of-term score after support started, for the sponsorship timeline. */
  highlight: { courseTitle: string; score: number; takenAt: Date } | null;
}

export interface EducationRows {
  schools: Prisma.SchoolCreateManyInput[];
  students: Prisma.StudentCreateManyInput[];
  gradePromotions: Prisma.GradePromotionCreateManyInput[];
  enrollments: Prisma.EnrollmentCreateManyInput[];
  moduleCompletions: Prisma.ModuleCompletionCreateManyInput[];
  assessments: Prisma.AssessmentCreateManyInput[];
  tutorSessions: Prisma.TutorSessionCreateManyInput[];
  certificates: Prisma.CertificateCreateManyInput[];
}

export function emptyEducationRows(): EducationRows {
  return {
    schools: [],
    students: [],
    gradePromotions: [],
    enrollments: [],
    moduleCompletions: [],
    assessments: [],
    tutorSessions: [],
    certificates: [],
  };
}

// ───────────────────────────── Schools and students ─────────────────────────────

export function generateStudents(ctx: UnitContext, rows: EducationRows): StudentInfo[] {
  const students: StudentInfo[] = [];
  const schoolYear = ctx.timeline.schoolYearStart().getUTCFullYear();
  for (const county of FOCUS_COUNTIES) {
    const countyKey = `u${ctx.unit}:county:${county.code}`;
    const names = schoolNames(rngFor(`${countyKey}:schools`), county, county.schools);
    names.forEach((name, s) => {
      const schoolKey = `${countyKey}:school:${s}`;
      const schoolId = seedId(schoolKey);
      rows.schools.push({ id: schoolId, name, countyId: countyId(ctx, county.code) });
      const srng = rngFor(schoolKey);
      const size = 11 + srng.int(0, 3);
      for (let i = 0; i < size; i++) {
        const key = `${schoolKey}:student:${i}`;
        const rng = rngFor(key);
        const gender = rng.chance(0.5) ? "female" : "male";
        const gradeLevel = rng.int(4, 8);
        const community = rng.weighted(county.communities);
        const { firstName, lastName } = kenyanName(rng, community, gender);
        // CBC: Grade 1 at six, so a Grade g learner turns g + 5 this school year (some are a year older).
        const birthYear = schoolYear - (gradeLevel + 5) - (rng.chance(0.2) ? 1 : 0);
        const dateOfBirth = new Date(Date.UTC(birthYear, 0, 1) + rng.int(0, 364) * DAY);
        const incomeKes = rng.chance(0.85)
          ? clamp(Math.round((county.medianIncomeKes * Math.exp(rng.normal(0, 0.55))) / 500) * 500, 2_500, 250_000)
          : null;
        students.push({
          index: students.length,
          key,
          id: seedId(key),
          firstName,
          lastName,
          gender,
          gradeLevel,
          county,
          schoolId,
          schoolName: name,
          incomeKes,
          dateOfBirth,
          avatarUrl: `/avatars/${rng.int(1, 12)}.svg`,
        });
      }
    });
  }
  return students;
}

// ───────────────────────────── Learning history ─────────────────────────────

type Trajectory = "improving" | "stable" | "declining";

interface LearnerProfile {
  ability: number;
  /** Score change per month over the whole history. */
  trend: number;
  /** Extra score change per month while supported. */
  boost: number;
  /** Average AI tutor sessions per month. */
  engagement: number;
}

function learnerProfile(rng: Rng, supported: boolean): LearnerProfile {
  // Supported learners: ~75% improve, ~15% hold steady, ~10% decline. Others are flatter.
  const trajectory: Trajectory = supported
    ? rng.weighted([
        ["improving", 73],
        ["stable", 16],
        ["declining", 11],
      ] as const)
    : rng.weighted([
        ["improving", 40],
        ["stable", 45],
        ["declining", 15],
      ] as const);
  const ability = clamp(rng.normal(supported ? 58 : 57, 9), 30, 85);
  const engagement = rng.float(0.4, 3.4);
  if (supported) {
    if (trajectory === "improving") return { ability, trend: rng.float(0.35, 0.9), boost: rng.float(0.8, 1.8), engagement };
    if (trajectory === "stable") return { ability, trend: rng.float(-0.1, 0.1), boost: 0, engagement };
    return { ability, trend: rng.float(-0.9, -0.4), boost: rng.float(-0.6, -0.2), engagement };
  }
  if (trajectory === "improving") return { ability, trend: rng.float(0.12, 0.5), boost: 0, engagement };
  if (trajectory === "stable") return { ability, trend: rng.float(-0.1, 0.1), boost: 0, engagement };
  return { ability, trend: rng.float(-0.55, -0.15), boost: 0, engagement };
}

function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

function score2(value: number): string {
  return clamp(value, 0, 100).toFixed(2);
}

/** Kenyan terms end in March/April, July/August and October/November: the end-of-term exams. */
const END_OF_TERM_MONTHS = new Set([2, 6, 9]);

interface PlannedEnrollment {
  course: CourseSpec;
  key: string;
  startMonth: number;
  /** Last month with activity. */
  endMonth: number;
  status: EnrollmentInfo["status"];
  bias: number;
}

export function generateLearning(
  ctx: UnitContext,
  student: StudentInfo,
  support: Support | undefined,
  rows: EducationRows,
): StudentLearning {
  const { timeline } = ctx;
  const rng = rngFor(`${student.key}:learning`);
  const profile = learnerProfile(rng, support !== undefined);
  const last = HISTORY_MONTHS - 1;

  // Most learners have been on the platform for the whole window; some joined later.
  // Supported learners were already learning when their sponsor found them.
  const joinMonth = support
    ? 0
    : rng.weighted([
        [0, 55],
        [1, 10],
        [2, 8],
        [3, 6],
        [4, 5],
        [5, 4],
        [6, 4],
        [7, 3],
        [8, 3],
        [9, 2],
      ] as const);

  // Which courses: programme subjects first, then a random pick of the grade's other subjects.
  const forced = support?.subjects ?? [];
  const wanted = Math.max(
    rng.weighted([
      [3, 20],
      [4, 35],
      [5, 30],
      [6, 15],
    ] as const),
    support?.minCourses ?? 0,
    forced.length,
  );
  const others = rng.shuffle(SUBJECTS.filter((s) => !forced.includes(s)));
  const subjects = [...forced, ...others].slice(0, Math.min(6, wanted));

  const planned: PlannedEnrollment[] = subjects.map((subject) => {
    const course = courseSpec(subject, student.gradeLevel);
    const startMonth = Math.min(last - 1, joinMonth + (rng.chance(0.3) ? rng.int(0, 2) : 0));
    const span = last - startMonth + 1;
    let status: EnrollmentInfo["status"] = "in_progress";
    let endMonth = last;
    const r = rng.next();
    if (span >= 7 && r < (support ? 0.36 : 0.28)) {
      status = "completed";
      endMonth = rng.int(startMonth + 6, last);
    } else if (span >= 3 && r > (support ? 0.95 : 0.9)) {
      status = "dropped";
      endMonth = rng.int(startMonth + 1, Math.min(last - 1, startMonth + 6));
    }
    return { course, key: `${student.key}:enr:${subject}`, startMonth, endMonth, status, bias: rng.normal(SUBJECT_DIFFICULTY[subject], 3) };
  });

  // Support effect: months of support at a given month index (fractional), stopping when support ended.
  const activatedAt = support?.activatedAt ?? null;
  const supportStart = activatedAt ? monthPosition(timeline, activatedAt) : Infinity;
  const supportEnd = support?.endedAt ? monthPosition(timeline, support.endedAt) : Infinity;
  const monthsSupported = (m: number) => Math.max(0, Math.min(m + 0.5, supportEnd) - supportStart);

  const enrollments: EnrollmentInfo[] = [];
  let highlight: StudentLearning["highlight"] = null;
  let firstActivity = Infinity;

  for (const plan of planned) {
    const id = seedId(plan.key);
    const cid = courseId(ctx, plan.course);
    const startDay = timeline.monthStart(plan.startMonth);
    const enrolledAt = atEatHours(rng, addDays(startDay, rng.int(0, 5)), 9, 20);
    firstActivity = Math.min(firstActivity, enrolledAt.getTime());

    // Monthly assessments, scored from ability + trend + support boost + noise.
    const scores: number[] = [];
    let lastActivity = enrolledAt.getTime();
    for (let m = plan.startMonth; m <= plan.endMonth; m++) {
      const monthStart = timeline.monthStart(m);
      const calendarMonth = monthStart.getUTCMonth();
      if (calendarMonth === 11 && rng.chance(0.6)) continue; // December holidays: few tests
      const kind = END_OF_TERM_MONTHS.has(calendarMonth) ? "end_of_term" : m % 2 === 0 ? "quiz" : "module_test";
      const takenAt = timeline.beforeAnchor(atEatHours(rng, addDays(monthStart, rng.int(8, 17)), 8, 16));
      const expected =
        profile.ability +
        plan.bias +
        profile.trend * m +
        profile.boost * monthsSupported(m) +
        (kind === "end_of_term" ? -2 : kind === "quiz" ? 1.5 : 0);
      const score = score2(rng.normal(expected, kind === "quiz" ? 5.5 : 4.5));
      scores.push(Number(score));
      rows.assessments.push({ id: seedId(`${plan.key}:a${m}`), studentId: student.id, courseId: cid, kind, score, takenAt });
      lastActivity = Math.max(lastActivity, takenAt.getTime());
      if (kind === "end_of_term" && activatedAt && takenAt > activatedAt && (!highlight || Number(score) > highlight.score)) {
        highlight = { courseTitle: plan.course.title, score: Number(score), takenAt };
      }
    }

    // Module progress.
    const count = plan.course.moduleCount;
    let done: number;
    let completedAt: Date | null = null;
    let endAt: Date;
    if (plan.status === "completed") {
      done = count;
      completedAt = timeline.beforeAnchor(atEatHours(rng, addDays(timeline.monthStart(plan.endMonth), rng.int(18, 26)), 9, 20));
      endAt = completedAt;
    } else if (plan.status === "dropped") {
      done = rng.int(1, Math.min(3, count - 1));
      endAt = new Date(Math.max(lastActivity, enrolledAt.getTime() + 10 * DAY));
    } else {
      const pace = rng.float(14, 30); // months to finish a course at this learner's pace
      done = clamp(Math.round(((last - plan.startMonth + 1) / pace) * count + rng.normal(0, 0.8)), 1, count - 1);
      const lastMonth = timeline.monthStart(last);
      endAt = timeline.beforeAnchor(atEatHours(rng, addDays(lastMonth, rng.int(0, daysInMonth(lastMonth) - 1)), 9, 21));
    }
    const modules: Date[] = [];
    const span = endAt.getTime() - enrolledAt.getTime();
    let previous = enrolledAt.getTime();
    for (let n = 1; n <= done; n++) {
      let at: Date;
      if (n === done && completedAt) at = completedAt;
      else {
        // Spread over the enrollment, on afternoons and evenings (EAT), in module order.
        const day = new Date(enrolledAt.getTime() + span * ((n - 0.5 + rng.float(-0.35, 0.35)) / done));
        let t = atEatHours(rng, day, 14, 21).getTime();
        if (t <= previous) t = previous + rng.int(15, 90) * MINUTE;
        const ceiling = (completedAt ?? timeline.beforeAnchor(endAt)).getTime() - (done - n) * 10 * MINUTE;
        at = new Date(Math.min(t, ceiling));
      }
      previous = at.getTime();
      modules.push(at);
      rows.moduleCompletions.push({ id: seedId(`${plan.key}:m${n}`), enrollmentId: id, moduleNumber: n, completedAt: at });
    }
    const lastModule = modules.length ? modules[modules.length - 1]!.getTime() : enrolledAt.getTime();
    const lastActivityAt = new Date(Math.max(lastActivity, lastModule));
    const progressPercent = plan.status === "completed" ? 100 : Math.min(99, Math.round(((done + rng.float(0, 0.7)) / count) * 100));

    rows.enrollments.push({
      id,
      studentId: student.id,
      courseId: cid,
      status: plan.status,
      progressPercent,
      modulesCompleted: done,
      enrolledAt,
      completedAt,
      lastActivityAt,
    });

    // Certificates: one per completed course, plus an excellence award for top results.
    let certificateTitle: string | null = null;
    let certificateAt: Date | null = null;
    if (completedAt) {
      certificateTitle = `${plan.course.title} Certificate`;
      certificateAt = timeline.beforeAnchor(addMinutes(completedAt, rng.int(2, 25)), 5);
      rows.certificates.push({
        id: seedId(`${plan.key}:cert`),
        studentId: student.id,
        courseId: cid,
        title: certificateTitle,
        issuedAt: certificateAt,
      });
      const recent = scores.slice(-3);
      if (recent.length === 3 && recent.reduce((a, b) => a + b, 0) / 3 >= 84) {
        rows.certificates.push({
          id: seedId(`${plan.key}:excellence`),
          studentId: student.id,
          courseId: cid,
          title: `${subjectLabel(plan.course.subject)} Excellence`,
          issuedAt: timeline.beforeAnchor(addHours(completedAt, 24 + rng.int(0, 72)), 5),
        });
      }
    }
    enrollments.push({
      id,
      course: plan.course,
      courseId: cid,
      status: plan.status,
      enrolledAt,
      completedAt,
      modules,
      certificateTitle,
      certificateAt,
    });
  }

  // AI tutor sessions, mostly after school; supported learners use the tutor more.
  for (let m = joinMonth; m <= last; m++) {
    const active = enrollments.filter((_, i) => planned[i]!.startMonth <= m && planned[i]!.endMonth >= m);
    const lambda = profile.engagement * (monthsSupported(m) > 0 ? 1.6 : 1);
    const sessions = Math.min(8, poisson(rng, lambda));
    for (let j = 0; j < sessions; j++) {
      const durationMinutes = clamp(Math.round(Math.exp(rng.normal(Math.log(18), 0.5))), 4, 90);
      rows.tutorSessions.push({
        id: seedId(`${student.key}:ts${m}:${j}`),
        studentId: student.id,
        courseId: active.length && rng.chance(0.88) ? rng.pick(active).courseId : null,
        startedAt: timeline.inMonth(rng, m, 15, 22),
        durationMinutes,
        messageCount: clamp(Math.round(durationMinutes * rng.float(0.5, 1.3)), 2, 120),
      });
    }
  }

  // Grades 5–8 moved up a grade when the current school year opened.
  if (student.gradeLevel >= 5) {
    const opened = ctx.timeline.schoolYearStart();
    rows.gradePromotions.push({
      id: seedId(`${student.key}:promotion:${student.gradeLevel}`),
      studentId: student.id,
      fromGrade: student.gradeLevel - 1,
      toGrade: student.gradeLevel,
      promotedAt: timeline.beforeAnchor(new Date(opened.getTime() + rng.int(0, 2) * DAY + rng.int(0, 8 * 60) * MINUTE)),
    });
  }

  rows.students.push({
    id: student.id,
    firstName: student.firstName,
    lastName: student.lastName,
    gender: student.gender,
    gradeLevel: student.gradeLevel,
    schoolId: student.schoolId,
    countyId: countyId(ctx, student.county.code),
    avatarUrl: student.avatarUrl,
    householdIncomeMinor: student.incomeKes === null ? null : BigInt(student.incomeKes) * 100n,
    dateOfBirth: student.dateOfBirth,
    ...storyOf(student, support, enrollments, timeline),
    createdAt: new Date(Math.min(firstActivity, support?.knownSince?.getTime() ?? Infinity) - rng.int(1, 10) * DAY - rng.int(0, 12) * HOUR),
  });

  return { student, enrollments, highlight };
}

/**
 * A few supported learners have a story written with their guardian: most of those with
 * the guardian's consent to show it, some still without (never shown). Drawn from its own
 * stream, so the rest of the learner's data does not change.
 */
function storyOf(
  student: StudentInfo,
  support: Support | undefined,
  enrollments: EnrollmentInfo[],
  timeline: Timeline,
): { story: string | null; storyConsentAt: Date | null } {
  if (!support?.knownSince) return { story: null, storyConsentAt: null };
  const rng = rngFor(`${student.key}:story`);
  const r = rng.next();
  if (r >= 0.35) return { story: null, storyConsentAt: null };
  const subject = enrollments[0] ? subjectLabel(enrollments[0].course.subject) : "Mathematics";
  const first = student.firstName;
  const story = rng.pick([
    `${first} is in Grade ${student.gradeLevel} at ${student.schoolName} in ${student.county.name} County. ${first} enjoys ${subject} and hopes to become a teacher one day.`,
    `${first} walks to ${student.schoolName} every morning and likes ${subject} best. At home ${first} helps younger siblings with their reading.`,
    `${first}'s guardian says the tablet lessons in ${subject} have made ${first} more confident in class. ${first} would like to study to be a nurse.`,
    `${first} is a Grade ${student.gradeLevel} learner from ${student.county.name} who loves football and ${subject}, and dreams of becoming an engineer.`,
  ]);
  // About one story in five waits for the guardian's consent.
  if (r >= 0.28) return { story, storyConsentAt: null };
  return { story, storyConsentAt: timeline.beforeAnchor(addDays(support.knownSince, rng.int(3, 20))) };
}

/** Position of a date on the history axis, in months (month index + fraction). */
function monthPosition(timeline: Timeline, date: Date): number {
  const index =
    (date.getUTCFullYear() - timeline.months[0]!.getUTCFullYear()) * 12 + date.getUTCMonth() - timeline.months[0]!.getUTCMonth();
  return index + (date.getUTCDate() - 1) / daysInMonth(date);
}
