"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { z } from "zod";
import type { studentOutcomesResponse } from "@/lib/sponsorship/schemas/impact";
import { formatMonth, formatNumber, formatPercent } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { fittedBarTop, fittedScoreDomain } from "./chart-axis";
import { TableBox } from "@/components/ui/table-box";

type Outcomes = z.infer<typeof studentOutcomesResponse>;

const BRAND = "#16804e";
const BRAND_LIGHT = "#7fd1a6";
const SLATE = "#94a3b8";
const PERFORMANCE_BANDS = ["excellent", "good", "needs_improvement", "at_risk"] as const;
// Best to worst: greens for doing well, amber for needing help, red for at risk (the same order for CBC's EE, ME, AE, BE).
const BAND_COLOURS = ["#136641", "#4fb585", "#d97706", "#dc2626"] as const;
const INK = "#334155";
/** Legend text in the page's ink, beside a swatch of the series' colour: coloured text is hard to read. */
const legendText = (value: string) => <span style={{ color: INK }}>{value}</span>;
const TICK = { fontSize: 12, fill: INK };
const CBC_LABELS = { EE: "EE (80–100)", ME: "ME (65–79)", AE: "AE (50–64)", BE: "BE (below 50)" } as const;

/** A chart with its caption (a one-line summary) and its data as a table, for screen readers and anyone who prefers numbers. */
function ChartFigure({
  id,
  title,
  summary,
  empty,
  table,
  axisNote,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  empty: boolean;
  table: { headers: string[]; rows: Array<Array<string | number>> };
  /** Said under the chart when its axis does not start at zero. */
  axisNote?: string | null;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h3>
      <figcaption className="mt-1 text-sm text-slate-600" data-testid={`${id}-summary`}>
        {summary}
      </figcaption>
      {empty ? (
        <p className="mt-4 rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">No data for this period and these filters.</p>
      ) : (
        <>
          <div className="mt-4 h-64 w-full" aria-hidden="true">
            {children}
          </div>
          {axisNote ? (
            <p className="mt-1 text-xs text-slate-600" data-testid={`${id}-axis-note`}>
              {axisNote}
            </p>
          ) : null}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">Show data table</summary>
            <TableBox label={`${title} table`} search="rows" exportFilename={`${title}.csv`} className="mt-2">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    {table.headers.map((header) => (
                      <th key={header} scope="col" className="py-1 pr-4 font-medium">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={String(row[0])} className="border-b border-slate-100">
                      {row.map((cell, index) =>
                        index === 0 ? (
                          <th key={index} scope="row" className="py-1 pr-4 font-normal">
                            {cell}
                          </th>
                        ) : (
                          <td key={index} className="py-1 pr-4">
                            {cell}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          </details>
        </>
      )}
    </figure>
  );
}

interface BandFigure {
  count: number;
  percent: number;
  avg_score: number | null;
}

/** One row per band, in the labels' order. */
/** One row per band, in the order given, named by `nameOf`. */
function bandRows<K extends string>(bands: readonly K[], nameOf: (band: K) => string, figures: Record<K, BandFigure>) {
  return bands.map((key) => ({ band: nameOf(key), ...figures[key] }));
}

const dash = (value: number | null) => (value === null ? "–" : formatNumber(value));

export function ImpactCharts({ outcomes }: { outcomes: Outcomes }) {
  const comparison = outcomes.comparison_to_platform;
  const trend = outcomes.score_trend.map((point) => ({ month: formatMonth(point.month), avg_score: point.avg_score }));
  const trendAxis = fittedScoreDomain(trend.map((point) => point.avg_score));
  const first = outcomes.score_trend[0];
  const last = outcomes.score_trend.at(-1);
  const trendSummary =
    first && last
      ? `Average score went from ${formatNumber(first.avg_score)} in ${formatMonth(first.month)} to ${formatNumber(last.avg_score)} in ${formatMonth(last.month)} (${outcomes.score_trend.length} months).`
      : "No assessments were taken in this period.";

  const bands = bandRows(PERFORMANCE_BANDS, labelFor, outcomes.by_performance);
  const bandSummary =
    outcomes.total_students > 0
      ? `${formatNumber(outcomes.total_students)} students assessed: ${bands.map((b) => `${b.band.toLowerCase()} ${formatNumber(b.count)}`).join(", ")}.`
      : "No students were assessed in this period.";

  const cbcBands = bandRows(Object.keys(CBC_LABELS) as Array<keyof typeof CBC_LABELS>, (band) => CBC_LABELS[band], outcomes.by_cbc_band);
  const cbcSummary =
    outcomes.total_students > 0
      ? `Kenyan CBC bands: ${cbcBands.map((b) => `${b.band.split(" ")[0]} ${formatNumber(b.count)}`).join(", ")}.`
      : "No students were assessed in this period.";

  const subjects = outcomes.by_subject;
  const best = [...subjects].filter((s) => s.avg_score !== null).sort((a, b) => (b.avg_score ?? 0) - (a.avg_score ?? 0))[0];
  const subjectSummary =
    subjects.length > 0
      ? `${subjects.length} ${subjects.length === 1 ? "subject" : "subjects"}${best ? `; highest average score in ${best.subject} (${formatNumber(best.avg_score ?? 0)})` : ""}.`
      : "No subject data in this period.";

  const compare = [
    { metric: "Average score", sponsored: comparison.sponsored_avg_score, platform: comparison.platform_avg_score },
    { metric: "Completion rate (%)", sponsored: comparison.sponsored_completion_rate, platform: comparison.platform_completion_rate },
  ];
  const compareEmpty = compare.every((row) => !row.sponsored && !row.platform);
  const compareSummary = `Sponsored students: average score ${dash(comparison.sponsored_avg_score)}, completion ${formatPercent(comparison.sponsored_completion_rate)}. Outcomes no partner funded: average score ${dash(comparison.platform_avg_score)}, completion ${formatPercent(comparison.platform_completion_rate)}.`;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <ChartFigure
        id="score-trend"
        title="Score trend"
        summary={trendSummary}
        empty={trend.length === 0}
        table={{ headers: ["Month", "Average score"], rows: trend.map((p) => [p.month, formatNumber(p.avg_score)]) }}
        axisNote={trendAxis.fromZero ? null : `The score axis starts at ${trendAxis.domain[0]}, not 0, so that the change shows.`}
      >
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 256 }}>
          <LineChart accessibilityLayer={false} data={trend} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="month" tick={TICK} minTickGap={8} />
            <YAxis domain={trendAxis.domain} allowDataOverflow tick={TICK} width={36} />
            <Tooltip />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="avg_score"
              name="Average score"
              stroke={BRAND}
              strokeWidth={2}
              dot={{ r: 3 }}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>

      <BandChart
        id="performance-bands"
        title="Performance bands"
        summary={bandSummary}
        empty={outcomes.total_students === 0}
        bands={bands}
      />

      <BandChart id="cbc-bands" title="CBC bands" summary={cbcSummary} empty={outcomes.total_students === 0} bands={cbcBands} />

      <ChartFigure
        id="subjects"
        title="Subjects"
        summary={subjectSummary}
        empty={subjects.length === 0}
        table={{
          headers: ["Subject", "Average score", "Completion rate"],
          rows: subjects.map((s) => [s.subject, dash(s.avg_score), formatPercent(s.completion_rate)]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 256 }}>
          <BarChart accessibilityLayer={false} layout="vertical" data={subjects} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, fittedBarTop(subjects.flatMap((s) => [s.avg_score, s.completion_rate]))]} tick={TICK} />
            <YAxis type="category" dataKey="subject" tick={TICK} width={110} interval={0} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Bar isAnimationActive={false} dataKey="avg_score" name="Average score" fill={BRAND} />
            <Bar isAnimationActive={false} dataKey="completion_rate" name="Completion rate (%)" fill={BRAND_LIGHT} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure
        id="comparison"
        title="Sponsored students vs unfunded outcomes"
        summary={compareSummary}
        empty={compareEmpty}
        table={{
          headers: ["Measure", "Sponsored students", "No partner funding"],
          rows: compare.map((row) => [row.metric, dash(row.sponsored), dash(row.platform)]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 256 }}>
          <BarChart accessibilityLayer={false} data={compare} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="metric" tick={TICK} interval={0} />
            <YAxis domain={[0, fittedBarTop(compare.flatMap((row) => [row.sponsored, row.platform]))]} tick={TICK} width={36} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Bar isAnimationActive={false} dataKey="sponsored" name="Sponsored students" fill={BRAND} />
            <Bar isAnimationActive={false} dataKey="platform" name="No partner funding" fill={SLATE} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}

/** Students per band, as a bar chart with its table. */
function BandChart(props: { id: string; title: string; summary: string; empty: boolean; bands: Array<BandFigure & { band: string }> }) {
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={props.summary}
      empty={props.empty}
      table={{
        headers: ["Band", "Students", "Share", "Average score"],
        rows: props.bands.map((b) => [b.band, formatNumber(b.count), formatPercent(b.percent), dash(b.avg_score)]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 256 }}>
        <BarChart accessibilityLayer={false} layout="vertical" data={props.bands} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={TICK} />
          <YAxis type="category" dataKey="band" tick={TICK} width={130} interval={0} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="count" name="Students">
            {props.bands.map((band, index) => (
              <Cell key={band.band} fill={BAND_COLOURS[index] ?? BRAND} data-testid={`${props.id}-bar`} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
