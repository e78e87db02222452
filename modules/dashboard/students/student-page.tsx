import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney, formatPercent } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { toMajor } from "@/lib/money";
import { roleAllows } from "@/lib/organizations/permissions";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getStudentProfile } from "@/lib/sponsorship/get-student-profile";
import { initialName } from "@/lib/sponsorship/shareable-names";
import { SponsorshipStatusBadge } from "@/modules/dashboard/sponsorships/sponsorship-badges";
import { StudentConsentControl } from "@/modules/dashboard/students/student-consent-control";
import { StudentScoreChart } from "@/modules/dashboard/students/student-score-chart";

const day = (date: Date) => date.toISOString().slice(0, 10);

export default async function StudentPage({ params }: { params: Promise<{ studentId: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { studentId } = await params;
  const student = await orNotFound(getStudentProfile({ actor, studentId }));
  const canRecordConsent = roleAllows(actor.memberRole, "work");
  const fullName = `${student.firstName} ${student.lastName}`;
  const shortName = initialName(student.firstName, student.lastName);

  return (
    <div className="space-y-6">
      <PartnerPageHeader title={fullName} back={{ href: "/dashboard/students", label: "Sponsored students" }}>
        Grade {student.gradeLevel} · {student.school}, {student.county} County
      </PartnerPageHeader>

      <Panel id="story-heading" title="Story">
        {student.story ? (
          <>
            <p className="mt-2 text-slate-800" data-testid="student-story">
              {student.story}
            </p>
            <p className="mt-2 text-xs text-slate-500">
              Written with the guardian, who consented to it being shown on <LocalDate value={student.storyConsentAt!.toISOString()} />.
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-600" data-testid="student-story-none">
            No story has been consented to for this student. A story is shown only once their guardian agrees to share it.
          </p>
        )}
      </Panel>

      <Panel id="scores-heading" title="Scores over time">
        <p className="mt-1 text-sm text-slate-600">
          The average of all the student&apos;s assessments in each subject, per calendar month, whoever funded them at the time.
        </p>
        <div className="mt-3">
          <StudentScoreChart points={student.scores} />
        </div>
      </Panel>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel id="courses-heading" title={`Courses (${student.courses.length})`}>
          {student.courses.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Not enrolled in any course yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100" data-testid="student-courses">
              {student.courses.map((course) => (
                <li key={course.id} className="py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                    <span className="font-medium">{course.title}</span>
                    <span className="text-slate-600">
                      {labelFor(course.status)} · {formatPercent(course.progressPercent)}
                    </span>
                  </div>
                  <div
                    className="mt-1 h-2 rounded bg-slate-100"
                    role="progressbar"
                    aria-label={`${course.title} progress`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={course.progressPercent}
                  >
                    <div className="h-2 rounded bg-brand-500" style={{ width: `${course.progressPercent}%` }} />
                  </div>
                  <p className="mt-1 text-xs text-slate-500">
                    Enrolled <LocalDate value={course.enrolledAt.toISOString()} />
                    {course.completedAt ? (
                      <>
                        {" · completed "}
                        <LocalDate value={course.completedAt.toISOString()} />
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="certificates-heading" title={`Certificates (${student.certificates.length})`}>
          {student.certificates.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No certificates yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100" data-testid="student-certificates">
              {student.certificates.map((certificate) => (
                <li key={certificate.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                  <span className="font-medium">{certificate.title}</span>
                  <LocalDate value={certificate.issuedAt.toISOString()} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel id="sponsorships-heading" title="Your sponsorships of this student">
        {student.sponsorships.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">You do not sponsor this student directly; they take part in one of your programs.</p>
        ) : (
          <div className="mt-2 space-y-5">
            {student.sponsorships.map((sponsorship) => (
              <section key={sponsorship.id} aria-labelledby={`sponsorship-${sponsorship.id}`} data-testid="student-sponsorship">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 id={`sponsorship-${sponsorship.id}`} className="text-base font-semibold">
                    <Link href={`/dashboard/sponsorships/${sponsorship.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {labelFor(sponsorship.type)}, {formatMoney(toMajor(sponsorship.amountMinor), sponsorship.currency)}
                    </Link>
                  </h3>
                  <SponsorshipStatusBadge status={sponsorship.status} />
                </div>
                <p className="text-sm text-slate-600">
                  <LocalDate value={day(sponsorship.startDate)} /> to <LocalDate value={day(sponsorship.endDate)} />
                </p>
                {sponsorship.payments.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">No payment has been made for this sponsorship yet.</p>
                ) : (
                  <div
                    className="relative mt-2 overflow-x-auto rounded-md border border-slate-200"
                    tabIndex={0}
                    aria-label={`Payments for the ${labelFor(sponsorship.type).toLowerCase()} sponsorship`}
                  >
                    <table className="min-w-full divide-y divide-slate-200 text-sm">
                      <caption className="sr-only">Payments that paid for this sponsorship</caption>
                      <thead className="bg-slate-50 text-left text-slate-700">
                        <tr>
                          <th scope="col" className="px-3 py-2 font-semibold">
                            Payment
                          </th>
                          <th scope="col" className="px-3 py-2 text-right font-semibold">
                            Amount
                          </th>
                          <th scope="col" className="px-3 py-2 font-semibold">
                            Status
                          </th>
                          <th scope="col" className="px-3 py-2 font-semibold">
                            Date
                          </th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {sponsorship.payments.map((payment) => (
                          <tr key={payment.id} data-testid="student-payment">
                            <td className="px-3 py-2 whitespace-nowrap">
                              <Link
                                href={`/dashboard/payments/${payment.id}`}
                                className="text-brand-700 underline-offset-2 hover:underline"
                              >
                                {payment.reference}
                              </Link>
                            </td>
                            <td className="px-3 py-2 text-right whitespace-nowrap">
                              {formatMoney(toMajor(payment.amountMinor), payment.currency)}
                            </td>
                            <td className="px-3 py-2">
                              <StatusBadge status={payment.status} />
                            </td>
                            <td className="px-3 py-2 whitespace-nowrap">
                              <LocalDate value={(payment.completedAt ?? payment.createdAt).toISOString()} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            ))}
            <p className="text-xs text-slate-500">
              A payment often pays for several sponsorships at once: its amount is the whole payment. The date is when it was paid, or when
              it was made if it has not been paid.
            </p>
          </div>
        )}
      </Panel>

      <Panel id="consent-heading" title="Full name in what you share">
        <p className="mt-1 text-sm text-slate-600">
          Without the guardian&apos;s consent, your reports name this student as {shortName} and leave out their school. Record the consent
          once the guardian has agreed that your organisation may show their full name.
        </p>
        {student.fullNameConsent ? (
          <p className="mt-2 text-sm" data-testid="student-consent-status">
            <span className="font-medium">Consent recorded</span> by {student.fullNameConsent.recordedBy} on{" "}
            <LocalDate value={student.fullNameConsent.recordedAt.toISOString()} time />
            {student.fullNameConsent.note ? <span className="block text-slate-600">Note: {student.fullNameConsent.note}</span> : null}
          </p>
        ) : (
          <p className="mt-2 text-sm" data-testid="student-consent-status">
            <span className="font-medium">No consent recorded.</span> Reports show {shortName}
          </p>
        )}
        {canRecordConsent ? (
          <StudentConsentControl studentId={student.id} consented={student.fullNameConsent !== null} />
        ) : (
          <p className="mt-2 text-xs text-slate-500">
            Your role reads this page only; a member who does the day-to-day work can record it.
          </p>
        )}
      </Panel>
    </div>
  );
}
