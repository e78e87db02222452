"use client";

import { useState, type FormEvent } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { generateReportAction } from "@/modules/dashboard/reports/actions";
import { Button } from "@/components/ui/button";
import { RadioCards } from "@/components/ui/choice-group";
import { FormStatus } from "@/components/ui/form-status";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { useFormAction } from "@/lib/forms/use-form-action";

const TYPES = [
  { value: "impact", label: "Impact", hint: "Students reached, outcomes and return on investment." },
  { value: "financial", label: "Financial", hint: "The money paid in and every payment in the period." },
  { value: "student_outcomes", label: "Student outcomes", hint: "Scores, performance bands and per-student results." },
] as const;

const FORMATS = [
  { value: "pdf", label: "PDF" },
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
] as const;

export function ReportForm() {
  const [values, setValues] = useState({ type: "impact", format: "pdf", start_date: "", end_date: "" });
  const { state, pending, submit, fieldErrors } = useFormAction(generateReportAction, { refresh: false });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const report = state.status === "success" ? state.result : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(values);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} aria-label="Generate a report" className="space-y-5" noValidate>
        <RadioCards legend="Report type" name="type" choices={TYPES} value={values.type} onChange={set("type")} error={fieldErrors.type} />
        <RadioCards
          legend="Format"
          name="format"
          choices={FORMATS}
          value={values.format}
          onChange={set("format")}
          error={fieldErrors.format}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Period (optional)</legend>
          <p className="text-xs text-slate-500">
            Leave both empty for this month and the eleven before it. Dates are whole days, both included.
          </p>
          <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-2 md:max-w-lg">
            <DateRangeFields values={values} errors={fieldErrors} onChange={(bound, value) => set(bound)(value)} named />
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Generating…" : "Generate report"}
        </Button>
        <FormStatus state={state} pending={pending} pendingText="Generating your report, this can take a few seconds…" />
      </form>

      {report && !pending ? (
        <section
          aria-labelledby="generated-report-heading"
          className="rounded-lg border border-brand-500/40 bg-brand-50 p-5"
          data-testid="generated-report"
        >
          <h2 id="generated-report-heading" className="text-lg font-semibold">
            Your report is ready
          </h2>
          <p className="mt-1 text-sm">
            <span className="font-medium">{report.title}</span> ({report.title.includes(report.period) ? "" : `${report.period}, `}
            {report.format.toUpperCase()})
          </p>
          <p className="mt-3">
            <a
              href={report.downloadUrl}
              download
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              Download
            </a>
          </p>
          <p className="mt-2 text-xs text-slate-600">
            The link expires <LocalDate value={report.expiresAt} time />.
          </p>
        </section>
      ) : null}
    </div>
  );
}
