import type { Metadata } from "next";
import Link from "next/link";
import { ReportForm } from "@/components/partner/report-form";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePageActor(["partner"]);
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/dashboard" className="text-brand-700 underline-offset-2 hover:underline">
            ← Partner dashboard
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Reports</h1>
        <p className="mt-1 text-slate-600">
          Generate an impact, financial or student outcomes report to share with your board or donors. Download links stay valid for 24 hours.
        </p>
      </header>
      <section aria-label="Report options" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <ReportForm />
      </section>
    </div>
  );
}
