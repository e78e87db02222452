import { formatNumber } from "@/lib/format";
import { labelFor } from "@/lib/humanize";

type CourseStatus = "not_started" | "in_progress" | "completed" | "dropped";

const BAR_STYLES: Record<CourseStatus, string> = {
  not_started: "bg-slate-300",
  in_progress: "bg-brand-500",
  completed: "bg-brand-700",
  dropped: "bg-red-400",
};

/** One progress bar per course, exposed as a labelled `progressbar`. */
export function SponsorshipCourseProgress({
  courses,
}: {
  courses: Array<{ id: string; title: string; progress_percent: number; current_score: number | null; status: CourseStatus }>;
}) {
  if (courses.length === 0) return <p className="text-sm text-slate-600">The student is not enrolled in any course yet.</p>;
  return (
    <ul className="space-y-4" data-testid="course-progress">
      {courses.map((course) => {
        const percent = Math.min(100, Math.max(0, course.progress_percent));
        const labelId = `course-${course.id}`;
        return (
          <li key={course.id}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span id={labelId} className="font-medium">
                {course.title}
              </span>
              <span className="text-slate-600">
                {labelFor(course.status)} · {percent}%
                {course.current_score !== null ? ` · score ${formatNumber(course.current_score)}` : ""}
              </span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={labelId}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}% (${labelFor(course.status).toLowerCase()})`}
              className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100"
            >
              <div className={`h-full ${BAR_STYLES[course.status]}`} style={{ width: `${percent}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
