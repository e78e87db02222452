"use client";

import { LocalDate } from "@/components/ui/local-date";
import { useActionState } from "react";
import { generateReportAction, type ReportField, type ReportFormState } from "@/modules/dashboard/reports/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

const TYPES = [
  { value: "impact", label: "Impact", hint: "Students reached, outcomes and return on investment." },
  { value: "financial", label: "Financial", hint: "Investment and every payment in the period." },
  { value: "student_outcomes", label: "Student outcomes", hint: "Scores, performance bands and per-student results." },
] as const;

const FORMATS = [
  { value: "pdf", label: "PDF" },
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
] as const;

function ChoiceGroup({
  legend,
  name,
  options,
  defaultValue,
  error,
}: {
  legend: string;
  name: ReportField;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
  defaultValue: string;
  error?: string;
}) {
  const errorId = `report-${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map((option) => {
          const id = `report-${name}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className="flex min-w-28 cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input id={id} type="radio" name={name} value={option.value} defaultChecked={option.value === defaultValue} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="font-medium">{option.label}</span>
                {option.hint ? <span className="block max-w-56 text-xs text-slate-500">{option.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ReportForm() {
  const [state, action, pending] = useActionState<ReportFormState | null, FormData>(generateReportAction, null);
  const values = state?.values ?? {};
  const errors = state?.fieldErrors ?? {};
  const report = state?.ok ? state.report : undefined;

  return (
    <div className="space-y-6">
      {/* Keyed on the submitted values so the form shows them again after React resets it. */}
      <form key={JSON.stringify(values)} action={action} aria-label="Generate a report" className="space-y-5" noValidate>
        <ChoiceGroup legend="Report type" name="type" options={TYPES} defaultValue={values.type ?? "impact"} error={errors.type} />
        <ChoiceGroup legend="Format" name="format" options={FORMATS} defaultValue={values.format ?? "pdf"} error={errors.format} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Period (optional)</legend>
          <p className="text-xs text-slate-500">Leave both empty for this month and the eleven before it. Dates are whole days, both included.</p>
          <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-2 md:max-w-lg">
            <TextField label="Start date" name="start_date" type="date" defaultValue={values.start_date ?? ""} error={errors.start_date} />
            <TextField label="End date" name="end_date" type="date" defaultValue={values.end_date ?? ""} error={errors.end_date} />
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} aria-describedby="report-progress">
            {pending ? "Generating…" : "Generate report"}
          </Button>
          <p id="report-progress" role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-600">
            {pending ? (
              <>
                <span className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden="true" />
                Generating your report, this can take a few seconds…
              </>
            ) : null}
          </p>
        </div>
        {state && !state.ok && state.message ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {state.message}
          </p>
        ) : null}
      </form>

      {report && !pending ? (
        <section aria-labelledby="generated-report-heading" className="rounded-lg border border-brand-500/40 bg-brand-50 p-5" data-testid="generated-report">
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
