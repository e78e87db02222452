import { ReportForm } from "@/modules/dashboard/reports/report-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { PartnerPageHeader } from "@/components/ui/page-header";

export default async function ReportsPage() {
  await requirePageActor(["partner"]);
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Reports">
        Generate an impact, financial or student outcomes report to share with your board or donors. Download links stay valid for 24 hours.
      </PartnerPageHeader>
      <p className="text-sm text-slate-600" data-testid="report-student-names">
        Reports name each student by first name and initial (&ldquo;Wanjiru K.&rdquo;) and leave out their school, unless you have recorded
        their guardian&apos;s consent to show the full name on the student&apos;s page.
      </p>
      <section aria-label="Report options" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <ReportForm />
      </section>
    </div>
  );
}
