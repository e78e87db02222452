import { formatMoney, formatNumber } from "@/lib/format";
import type { CountyFigures } from "@/lib/sponsorship/get-county-portfolio";
import { COUNTY_TILES, TILE_COLUMNS, TILE_ROWS } from "./county-tiles";

export const MEASURES = ["students", "disbursed", "improvement"] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  students: "Students sponsored",
  disbursed: "Disbursed to sponsorships",
  improvement: "Score improvement",
};

const TILE = 44;
const GAP = 3;
const INK = "#0f172a";
const WHITE = "#ffffff";
/** No students there: the neutral tile. */
const EMPTY = "#e2e8f0";
/** Students, but none could be measured: only the improvement map has these. */
const NOT_MEASURED = "#f8fafc";
// Light to dark; ink on the three lighter steps, white on the two darker (both pass 4.5:1).
const GREENS = ["#dcfce7", "#86efac", "#22c55e", "#15803d", "#14532d"] as const;
const REDS = ["#fee2e2", "#fca5a5", "#ef4444", "#b91c1c", "#7f1d1d"] as const;

interface TileLook {
  fill: string;
  text: string;
  value: string;
}

/** The step (0–4) of `value` on a scale from zero to `max`. */
const stepOf = (value: number, max: number) => Math.min(4, Math.floor((Math.abs(value) / max) * 5));

function lookOf(county: CountyFigures, measure: Measure, max: number, currency: string): TileLook {
  if (county.students === 0) return { fill: EMPTY, text: INK, value: "no students" };
  if (measure === "improvement") {
    if (county.improvement === null) return { fill: NOT_MEASURED, text: INK, value: "not measured yet" };
    const step = max > 0 ? stepOf(county.improvement, max) : 0;
    const fill = (county.improvement < 0 ? REDS : GREENS)[step]!;
    return { fill, text: step >= 3 ? WHITE : INK, value: `${county.improvement > 0 ? "+" : ""}${formatNumber(county.improvement)} points` };
  }
  const amount = measure === "students" ? county.students : county.disbursed;
  const step = max > 0 ? stepOf(amount, max) : 0;
  return {
    fill: GREENS[step]!,
    text: step >= 3 ? WHITE : INK,
    value: measure === "students" ? `${formatNumber(amount)} students` : formatMoney(amount, currency),
  };
}

/** The tile-grid map of the partner's portfolio, coloured by one measure. */
export function CountyMap({ counties, measure, currency }: { counties: CountyFigures[]; measure: Measure; currency: string }) {
  const valueOf = (c: CountyFigures) =>
    measure === "students" ? c.students : measure === "disbursed" ? c.disbursed : (c.improvement ?? 0);
  const max = Math.max(0, ...counties.filter((c) => c.students > 0).map((c) => Math.abs(valueOf(c))));
  const width = TILE_COLUMNS * (TILE + GAP) - GAP;
  const height = TILE_ROWS * (TILE + GAP) - GAP;
  // Each colour step covers a fifth of the largest value shown; the legend gives each step's range.
  const format = (value: number) =>
    measure === "students"
      ? formatNumber(Math.round(value))
      : measure === "disbursed"
        ? formatMoney(Math.round(value), currency)
        : formatNumber(value);
  const range = (step: number, sign: "" | "+" | "−") =>
    max > 0 ? `${sign}${format((max * step) / 5)} to ${sign}${format((max * (step + 1)) / 5)}` : "—";
  const declined = measure === "improvement" && counties.some((c) => c.students > 0 && (c.improvement ?? 0) < 0);
  const legend = [
    ...(declined ? REDS.map((fill, step) => ({ fill, label: `${range(step, "−")} points` })).reverse() : []),
    ...GREENS.map((fill, step) => ({ fill, label: measure === "improvement" ? `${range(step, "+")} points` : range(step, "") })),
    ...(measure === "improvement" ? [{ fill: NOT_MEASURED, label: "Not measured yet" }] : []),
    { fill: EMPTY, label: "No students" },
  ];

  return (
    <figure aria-labelledby="county-map-title" className="space-y-3">
      <figcaption id="county-map-title" className="text-sm text-slate-700">
        {MEASURE_LABELS[measure]} by county: one square per county, placed roughly where it lies. The table below has every figure.
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-xl"
        role="img"
        aria-label={`Map of Kenya's 47 counties coloured by ${MEASURE_LABELS[measure].toLowerCase()}`}
        data-testid="county-map"
      >
        {counties.map((county) => {
          const tile = COUNTY_TILES[county.code];
          if (!tile) return null;
          const look = lookOf(county, measure, max, currency);
          const x = tile.column * (TILE + GAP);
          const y = tile.row * (TILE + GAP);
          return (
            <g key={county.code} data-testid="county-tile" data-county={county.name}>
              <title>{`${county.name}: ${look.value}`}</title>
              <rect x={x} y={y} width={TILE} height={TILE} rx={4} fill={look.fill} stroke="#94a3b8" strokeWidth={0.5} />
              <text x={x + TILE / 2} y={y + TILE / 2} dy="0.35em" textAnchor="middle" fontSize={15} fontWeight={600} fill={look.text}>
                {tile.abbreviation}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Map legend" data-testid="county-map-legend">
        {legend.map((item) => (
          <li key={item.fill} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-sm border border-slate-400"
              style={{ background: item.fill }}
            />
            {item.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
