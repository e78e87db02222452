import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import Link from "next/link";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { ProgramTargets } from "@/modules/dashboard/programs/program-targets";
import { Panel, StatCard } from "@/components/ui/stat-card";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getProgram } from "@/lib/sponsorship/get-program";
import { TableBox } from "@/components/ui/table-box";

/** A count table with a bar per row, sized against the largest count. */
function CountTable({ caption, header, rows, testId }: { caption: string; header: string; rows: Array<[string, number]>; testId: string }) {
  const max = Math.max(1, ...rows.map(([, count]) => count));
  if (rows.length === 0) return <p className="text-sm text-slate-600">No participants yet.</p>;
  return (
    <TableBox label={`${caption} table`} search="rows" exportFilename={`${testId}.csv`}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-4 font-medium">
              {header}
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Students
            </th>
            <th scope="col" className="w-1/2 py-1">
              <span className="sr-only">Share</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">
                {label}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(count)}</td>
              <td className="py-1" aria-hidden="true">
                <div className="h-2 overflow-hidden rounded-full bg-slate-100">
                  <div className="h-full bg-brand-500" style={{ width: `${(count / max) * 100}%` }} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

export default async function ProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { id } = await params;
  const program = await orNotFound(getProgram({ actor, programId: id }));
  const currency = program.currency;
  const usedPercent = program.budget > 0 ? (program.spent / program.budget) * 100 : 0;
  const barPercent = Math.min(100, usedPercent);
  const byGrade = Object.entries(program.participants.by_grade)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([grade, count]): [string, number] => [`Grade ${grade}`, count]);
  const byCounty = Object.entries(program.participants.by_county).sort(([a], [b]) => a.localeCompare(b));
  const eligibility = program.eligibility;
  const hasEligibility = Boolean(
    eligibility && (eligibility.grade_levels?.length || eligibility.counties?.length || eligibility.max_household_income),
  );

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/dashboard/programs" className="text-brand-700 underline-offset-2 hover:underline">
            ← Programs
          </Link>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{program.name}</h1>
          <StatusBadge status={program.status} testId="program-status" />
        </div>
        <p className="mt-1 text-slate-600">{program.description}</p>
        <p className="mt-1 text-sm text-slate-500">
          <LocalDate value={program.start_date} /> – <LocalDate value={program.end_date} />
        </p>
      </header>

      <section aria-labelledby="program-overview">
        <h2 id="program-overview" className="sr-only">
          Overview
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-4">
          <StatCard
            name="enrolled_students"
            label="Enrolled students"
            value={formatNumber(program.enrolled_students)}
            hint={`of ${formatNumber(program.target_students)} targeted`}
          />
          <StatCard
            name="average_score"
            label="Average score"
            value={program.participants.average_score === null ? "–" : formatNumber(program.participants.average_score)}
          />
          <StatCard name="completion_rate" label="Course completion rate" value={formatPercent(program.participants.completion_rate)} />
          <StatCard name="remaining" label="Budget remaining" value={formatMoney(program.remaining, currency)} />
        </dl>
      </section>

      <section aria-labelledby="program-outcomes" className="space-y-3">
        <h2 id="program-outcomes" className="text-lg font-semibold">
          Outcomes while funded
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <StatCard
            name="average_score_improvement"
            label="Average score improvement"
            value={
              program.outcomes.average_score_improvement === null
                ? "–"
                : `${program.outcomes.average_score_improvement > 0 ? "+" : ""}${formatNumber(program.outcomes.average_score_improvement)} pts`
            }
            hint={`${formatNumber(program.outcomes.students_measured)} measured; ${formatNumber(program.outcomes.students_not_measured)} without a baseline or recent assessments`}
          />
          <StatCard name="certificates" label="Certificates" value={formatNumber(program.outcomes.certificates)} />
          <StatCard
            name="participants_funded"
            label="Participants funded"
            value={formatNumber(program.outcomes.students_measured + program.outcomes.students_not_measured)}
          />
        </dl>
        <p className="text-xs text-slate-500">
          Only what participants did while the program funded them counts: from the later of their enrolment and the program&apos;s funding
          to its end date. The baseline is a participant&apos;s average in the 90 days before the program began funding them; the recent
          average is their last three months.
        </p>
      </section>

      <Panel id="targets-heading" title="Targets">
        <ProgramTargets programId={program.id} targets={program.targets} />
      </Panel>

      <Panel id="budget-heading" title="Budget used">
        <p className="text-sm">
          <span className="text-xl font-semibold" data-testid="program-spent">
            {formatMoney(program.spent, currency)}
          </span>{" "}
          spent of {formatMoney(program.budget, currency)} ({formatPercent(Math.round(usedPercent * 10) / 10)})
        </p>
        <div
          role="progressbar"
          aria-label="Budget used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(barPercent)}
          aria-valuetext={formatPercent(Math.round(usedPercent * 10) / 10)}
          className="mt-2 h-3 overflow-hidden rounded-full bg-slate-100"
        >
          <div className={`h-full ${usedPercent >= 90 ? "bg-amber-500" : "bg-brand-500"}`} style={{ width: `${barPercent}%` }} />
        </div>
      </Panel>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel id="grade-heading" title="Participants by grade">
          <CountTable caption="Participants by grade" header="Grade" rows={byGrade} testId="participants-by-grade" />
        </Panel>
        <Panel id="county-heading" title="Participants by county">
          <CountTable caption="Participants by county" header="County" rows={byCounty} testId="participants-by-county" />
        </Panel>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel id="courses-heading" title="Courses">
          {program.courses.length === 0 ? (
            <p className="text-sm text-slate-600">No courses are linked to this program.</p>
          ) : (
            <TableBox label="Program courses table" search="rows" exportFilename="program-courses.csv">
              <table className="w-full text-left text-sm" data-testid="program-courses">
                <caption className="sr-only">Courses and enrolment</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-4 font-medium">
                      Course
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      Enrolled participants
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {program.courses.map((course) => (
                    <tr key={course.id} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-4 font-normal">
                        {course.title}
                      </th>
                      <td className="py-1 text-right tabular-nums">{formatNumber(course.enrolled)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </Panel>

        <Panel id="milestones-heading" title="Milestones">
          {program.milestones.length === 0 ? (
            <p className="text-sm text-slate-600">No milestones yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100" data-testid="program-milestones">
              {program.milestones.map((milestone) => (
                <li key={`${milestone.date}-${milestone.description}`} className="py-2 first:pt-0 last:pb-0">
                  <p className="text-sm">{milestone.description}</p>
                  <p className="text-xs text-slate-500">
                    <LocalDate value={milestone.date} />
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </div>

      <Panel id="eligibility-heading" title="Eligibility">
        {!hasEligibility || !eligibility ? (
          <p className="text-sm text-slate-600">Open to all students.</p>
        ) : (
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3" data-testid="program-eligibility">
            <div>
              <dt className="text-slate-600">Grades</dt>
              <dd className="font-medium">{eligibility.grade_levels?.length ? eligibility.grade_levels.join(", ") : "Any grade"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Counties</dt>
              <dd className="font-medium">{eligibility.counties?.length ? eligibility.counties.join(", ") : "Any county"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Maximum household income</dt>
              <dd className="font-medium">
                {eligibility.max_household_income ? formatMoney(eligibility.max_household_income, "KES") : "No limit"}
              </dd>
            </div>
          </dl>
        )}
      </Panel>
    </div>
  );
}
