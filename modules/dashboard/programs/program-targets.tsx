"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { setProgramTargetsAction } from "@/modules/dashboard/programs/target-actions";
import { optionalNumber } from "@/lib/forms/form-inputs";
import { formatNumber } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { PROGRAM_TARGET_METRICS, programTargetsBody, type programTargetItem } from "@/lib/sponsorship/schemas/program-targets";

type Target = z.infer<typeof programTargetItem>;
type Metric = (typeof PROGRAM_TARGET_METRICS)[number];

const METRIC_TEXT: Record<Metric, { label: string; unit: string; hint: string; show: (value: number) => string }> = {
  score_improvement: {
    label: "Average score improvement",
    unit: "points",
    hint: "Recent average minus the baseline before funding, in points (up to 100).",
    show: (value) => `${value > 0 ? "+" : ""}${formatNumber(value)} pts`,
  },
  completion_rate: {
    label: "Course completion rate",
    unit: "%",
    hint: "Percent of the program's course enrolments completed (up to 100).",
    show: (value) => `${formatNumber(value)}%`,
  },
  certificates: {
    label: "Certificates",
    unit: "certificates",
    hint: "Certificates issued while the program funds participants.",
    show: (value) => formatNumber(value),
  },
};

/** The program's targets with progress bars, and a form to change them (an empty field removes that target). */
export function ProgramTargets({ programId, targets }: { programId: string; targets: Target[] }) {
  const initial = Object.fromEntries(
    PROGRAM_TARGET_METRICS.map((metric) => [metric, String(targets.find((t) => t.metric === metric)?.target ?? "")]),
  ) as Record<Metric, string>;
  const [values, setValues] = useState(initial);
  const [order, setOrder] = useState<Metric[]>([]);
  const { state, pending, submit, fieldErrors } = useFormAction((input: unknown) => setProgramTargetsAction(programId, input), {
    schema: programTargetsBody,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const given = PROGRAM_TARGET_METRICS.filter((metric) => values[metric].trim() !== "");
    setOrder(given);
    submit({ targets: given.map((metric) => ({ metric, target: optionalNumber(values[metric]) })) });
  }
  const errorFor = (metric: Metric) => {
    const index = order.indexOf(metric);
    return index < 0 ? undefined : fieldErrors[`targets.${index}.target`];
  };

  return (
    <div className="space-y-5">
      {targets.length === 0 ? (
        <p className="text-sm text-slate-600">No targets set yet.</p>
      ) : (
        <ul className="space-y-4" data-testid="program-targets">
          {targets.map((target) => {
            const text = METRIC_TEXT[target.metric];
            const bar = Math.min(100, Math.max(0, target.progress ?? 0));
            return (
              <li key={target.metric} data-metric={target.metric}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium">{text.label}</span>
                  <span data-testid={`target-${target.metric}`}>
                    {target.actual === null ? "Not measured yet" : text.show(target.actual)} of {text.show(target.target)}
                    {target.met ? (
                      <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">Met</span>
                    ) : null}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={`${text.label} against target`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(bar)}
                  aria-valuetext={target.progress === null ? "Not measured yet" : `${formatNumber(target.progress)}% of target`}
                  className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
                >
                  <div className={`h-full ${target.met ? "bg-emerald-500" : "bg-brand-500"}`} style={{ width: `${bar}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={onSubmit} aria-label="Program targets" noValidate className="space-y-3 border-t border-slate-100 pt-4">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {PROGRAM_TARGET_METRICS.map((metric) => (
            <TextField
              key={metric}
              label={`${METRIC_TEXT[metric].label} (${METRIC_TEXT[metric].unit})`}
              inputMode="decimal"
              value={values[metric]}
              onChange={(event) => setValues((current) => ({ ...current, [metric]: event.target.value }))}
              error={errorFor(metric)}
              hint={METRIC_TEXT[metric].hint}
            />
          ))}
        </div>
        <div className="flex items-center gap-4">
          <Button type="submit" disabled={pending}>
            Save targets
          </Button>
          <FormStatus state={state} pending={pending} pendingText="Saving…" />
        </div>
      </form>
    </div>
  );
}
