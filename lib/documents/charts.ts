/**
 * Line and bar charts as vector graphics (SVG drawn by pdfmake), kept on one page with
 * their title. Coordinates below are in points from the chart's top-left corner.
 */
import type { Content } from "pdfmake/interfaces";
import { keepTogether, note } from "./blocks";
import { printable } from "./text";
import { COLORS, CONTENT_WIDTH, FONT, SIZES } from "./theme";

const TICKS = 4;
/** Room for the y-axis labels left of the plot. */
const AXIS_WIDTH = 40;
/** Headroom above the plot for the captions of full-height bars and points. */
const HEADROOM = 16;
/** Room under the plot for the x-axis labels. */
const FOOT = 18;
/** Roughly the height of a 7 pt capital: moves a label's baseline below its top. */
const CAP = SIZES.chart * 0.72;

/** An axis maximum at or above `value` whose steps are round numbers (whole ones for counts). */
export function axisMax(value: number, whole = false): number {
  const raw = value / TICKS;
  let step = 1;
  if (raw > 0) {
    const power = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  }
  if (whole) step = Math.max(1, Math.ceil(step));
  return step * TICKS;
}

const escapeXml = (value: string) =>
  printable(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const n = (value: number) => Number(value.toFixed(2));

function label(text: string, x: number, top: number, options: { anchor?: "start" | "middle" | "end"; color?: string } = {}): string {
  return (
    `<text x="${n(x)}" y="${n(top + CAP)}" font-family="${FONT}" font-size="${SIZES.chart}" ` +
    `fill="${options.color ?? COLORS.text}" text-anchor="${options.anchor ?? "middle"}">${escapeXml(text)}</text>`
  );
}

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Gridlines with their y labels and the y axis. */
function frame(plot: Plot, yMax: number, formatAxis: (value: number) => string): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= TICKS; i++) {
    const y = plot.top + plot.height - (plot.height * i) / TICKS;
    const color = i === 0 ? COLORS.text : COLORS.grid;
    parts.push(
      `<line x1="${n(plot.left)}" y1="${n(y)}" x2="${n(plot.left + plot.width)}" y2="${n(y)}" stroke="${color}" stroke-width="0.5"/>`,
    );
    parts.push(label(formatAxis((yMax / TICKS) * i), AXIS_WIDTH - 6, y - CAP / 2, { anchor: "end", color: COLORS.muted }));
  }
  parts.push(
    `<line x1="${n(plot.left)}" y1="${n(plot.top)}" x2="${n(plot.left)}" y2="${n(plot.top + plot.height)}" stroke="${COLORS.text}" stroke-width="0.75"/>`,
  );
  return parts;
}

function chart(titleText: string, plotHeight: number, draw: (plot: Plot) => string[]): Content {
  const height = HEADROOM + plotHeight + FOOT;
  const plot = { left: AXIS_WIDTH, top: HEADROOM, width: CONTENT_WIDTH - AXIS_WIDTH - 10, height: plotHeight };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${n(CONTENT_WIDTH)}" height="${height}" viewBox="0 0 ${n(CONTENT_WIDTH)} ${height}">${draw(plot).join("")}</svg>`;
  return keepTogether({ text: titleText, style: "chartTitle" }, { svg, width: CONTENT_WIDTH, font: FONT, margin: [0, 0, 0, 10] });
}

export interface LinePoint {
  label: string;
  value: number;
}

export interface LineChartOptions {
  title: string;
  points: LinePoint[];
  /** The top of the y axis; values above it are drawn at the top. */
  yMax?: number;
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  /** Shown instead of the chart when there are no points. */
  emptyText?: string;
}

export function lineChart(options: LineChartOptions): Content {
  const { points, formatValue } = options;
  const yMax = options.yMax ?? 100;
  if (points.length === 0) {
    return keepTogether({ text: options.title, style: "chartTitle" }, note(options.emptyText ?? "No data in this period."));
  }
  return chart(options.title, 140, (plot) => {
    const parts = frame(plot, yMax, options.formatAxis);
    const inset = 16;
    const step = points.length > 1 ? (plot.width - inset * 2) / (points.length - 1) : 0;
    const xy = points.map((point, i) => ({
      x: plot.left + (points.length > 1 ? inset + i * step : plot.width / 2),
      y: plot.top + plot.height - (Math.min(Math.max(point.value, 0), yMax) / yMax) * plot.height,
    }));
    parts.push(
      `<polyline points="${xy.map((p) => `${n(p.x)},${n(p.y)}`).join(" ")}" fill="none" stroke="${COLORS.accent}" stroke-width="1.5"/>`,
    );
    // Label every point when they fit, else every other one (and always the last).
    const every = points.length > 13 ? 2 : 1;
    xy.forEach((p, i) => {
      parts.push(`<circle cx="${n(p.x)}" cy="${n(p.y)}" r="2.2" fill="${COLORS.accent}"/>`);
      if (i % every !== 0 && i !== points.length - 1) return;
      parts.push(label(formatValue(points[i].value), p.x, p.y - 11));
      parts.push(label(points[i].label, p.x, plot.top + plot.height + 5, { color: COLORS.muted }));
    });
    return parts;
  });
}

export interface Bar {
  label: string;
  value: number;
  /** Printed above the bar. */
  caption: string;
}

export interface BarChartOptions {
  title: string;
  bars: Bar[];
  formatAxis: (value: number) => string;
  /** Counts: the axis steps are whole numbers. */
  whole?: boolean;
}

export function barChart(options: BarChartOptions): Content {
  const { bars } = options;
  const yMax = axisMax(Math.max(0, ...bars.map((b) => b.value)), options.whole);
  return chart(options.title, 120, (plot) => {
    const parts = frame(plot, yMax, options.formatAxis);
    const slot = plot.width / Math.max(bars.length, 1);
    const barWidth = Math.min(60, slot * 0.6);
    bars.forEach((bar, i) => {
      const h = (bar.value / yMax) * plot.height;
      const x = plot.left + slot * i + (slot - barWidth) / 2;
      const y = plot.top + plot.height - h;
      const color = COLORS.series[i % COLORS.series.length];
      if (h > 0) parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(barWidth)}" height="${n(h)}" fill="${color}"/>`);
      parts.push(label(bar.caption, x + barWidth / 2, y - 10));
      parts.push(label(bar.label, plot.left + slot * i + slot / 2, plot.top + plot.height + 5, { color: COLORS.muted }));
    });
    return parts;
  });
}
