/** The shared CBC course catalogue: one course per subject and grade (grades 4–8). */
import { seedId } from "./ids";
import { rngFor } from "./random";

export const SUBJECTS = ["Mathematics", "Science", "English", "Kiswahili", "ICT", "Social_Studies"] as const;
export type SubjectKey = (typeof SUBJECTS)[number];
export const GRADES = [4, 5, 6, 7, 8] as const;

export function subjectLabel(subject: SubjectKey): string {
  return subject === "Social_Studies" ? "Social Studies" : subject;
}

/** Harder subjects pull scores down a little, so subject averages differ. */
export const SUBJECT_DIFFICULTY: Record<SubjectKey, number> = {
  Mathematics: -4,
  Science: -2,
  English: 1,
  Kiswahili: 2,
  ICT: 4,
  Social_Studies: 0,
};

export interface CourseSpec {
  key: string;
  /** Deterministic id, used when the course is created by the seed. */
  seedId: string;
  title: string;
  subject: SubjectKey;
  gradeLevel: number;
  moduleCount: number;
}

export const COURSES: readonly CourseSpec[] = GRADES.flatMap((grade) =>
  SUBJECTS.map((subject) => {
    const key = `course:${subject}:${grade}`;
    return {
      key,
      seedId: seedId(key),
      title: `CBC ${subjectLabel(subject)} Grade ${grade}`,
      subject,
      gradeLevel: grade,
      moduleCount: rngFor(key).int(8, 12),
    };
  }),
);

export function courseSpec(subject: SubjectKey, grade: number): CourseSpec {
  const course = COURSES.find((c) => c.subject === subject && c.gradeLevel === grade);
  if (!course) throw new Error(`No course for ${subject} grade ${grade}`);
  return course;
}
