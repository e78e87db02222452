"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth, formatNumber } from "@/lib/format";
import { fittedScoreDomain } from "@/modules/dashboard/impact/chart-axis";

export interface ScorePoint {
  /** YYYY-MM. */
  month: string;
  subject: string;
  averageScore: number;
}

// One colour per subject, distinct from one another and readable on white.
const SUBJECT_COLOURS = ["#16804e", "#2563eb", "#d97706", "#9333ea", "#dc2626", "#0e7490"] as const;
const INK = "#334155";
const TICK = { fontSize: 12, fill: INK };
const legendText = (value: string) => <span style={{ color: INK }}>{value}</span>;

/** A student's average score per subject, month by month, with the same numbers as a table. */
export function StudentScoreChart({ points }: { points: ScorePoint[] }) {
  const subjects = [...new Set(points.map((p) => p.subject))].sort();
  const months = [...new Set(points.map((p) => p.month))].sort();
  const rows = months.map((month) => ({
    month: formatMonth(month),
    ...Object.fromEntries(points.filter((p) => p.month === month).map((p) => [p.subject, p.averageScore])),
  }));
  const axis = fittedScoreDomain(points.map((p) => p.averageScore));
  const scoreOf = (month: string, subject: string) => points.find((p) => p.month === month && p.subject === subject)?.averageScore;

  if (points.length === 0) {
    return <p className="rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">No assessments taken yet.</p>;
  }
  return (
    <div data-testid="student-score-chart">
      <div className="h-72 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 288 }}>
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="month" tick={TICK} minTickGap={12} />
            <YAxis domain={axis.domain} allowDataOverflow tick={TICK} width={36} />
            <Tooltip />
            <Legend formatter={legendText} wrapperStyle={{ fontSize: 12 }} />
            {subjects.map((subject, index) => (
              <Line
                key={subject}
                isAnimationActive={false}
                type="monotone"
                dataKey={subject}
                name={subject}
                stroke={SUBJECT_COLOURS[index % SUBJECT_COLOURS.length]}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {axis.fromZero ? null : (
        <p className="mt-1 text-xs text-slate-600" data-testid="student-score-axis-note">
          The score axis starts at {axis.domain[0]}, not 0, so that the change shows.
        </p>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">Show data table</summary>
        <div className="relative mt-2 overflow-x-auto" tabIndex={0} aria-label="Average score by month and subject">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Average score by month and subject</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Month
                </th>
                {subjects.map((subject) => (
                  <th key={subject} scope="col" className="py-1 pr-4 font-medium">
                    {subject}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                    {formatMonth(month)}
                  </th>
                  {subjects.map((subject) => {
                    const score = scoreOf(month, subject);
                    return (
                      <td key={subject} className="py-1 pr-4">
                        {score === undefined ? "–" : formatNumber(score)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
