/**
 * When a standing order falls due. Every date here is a UTC calendar date: a Date at
 * 00:00 UTC, as the @db.Date columns store them. A due date is the start date moved on by
 * whole periods (1, 3 or 12 months) on the start's day of the month, clamped to the
 * month's last day: an order starting 31 January falls due 28 (or 29) February, then 31
 * March. Each occurrence is computed from the start date, never from the previous
 * occurrence, so a short month does not pull later dates earlier.
 */
import type { StandingOrderFrequency } from "../generated/prisma/enums";

export const MONTHS_PER_PERIOD: Record<StandingOrderFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant. */
export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** A calendar date as YYYY-MM-DD. */
export function dayText(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The start date moved on by `months`, on the start's day clamped to that month's end. */
export function addMonthsClamped(start: Date, months: number): Date {
  const target = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(target / 12);
  const month = ((target % 12) + 12) % 12;
  return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), daysInMonth(year, month))));
}

/** The `index`th due date (0 is the start date itself). */
export function occurrence(start: Date, frequency: StandingOrderFrequency, index: number): Date {
  return addMonthsClamped(utcDay(start), index * MONTHS_PER_PERIOD[frequency]);
}

/** The index of the last occurrence on or before `day` (−1 when `day` is before the start). */
function indexOnOrBefore(start: Date, frequency: StandingOrderFrequency, day: Date): number {
  const from = utcDay(start);
  const target = utcDay(day);
  if (target < from) return -1;
  const months = (target.getUTCFullYear() - from.getUTCFullYear()) * 12 + target.getUTCMonth() - from.getUTCMonth();
  let index = Math.floor(months / MONTHS_PER_PERIOD[frequency]);
  while (index > 0 && occurrence(from, frequency, index) > target) index -= 1;
  return index;
}

/** The last due date on or before `day`, or null before the start date. */
export function dueOnOrBefore(start: Date, frequency: StandingOrderFrequency, day: Date): Date | null {
  const index = indexOnOrBefore(start, frequency, day);
  return index < 0 ? null : occurrence(start, frequency, index);
}

/** The first due date on or after `day`. */
export function dueOnOrAfter(start: Date, frequency: StandingOrderFrequency, day: Date): Date {
  const index = indexOnOrBefore(start, frequency, day);
  if (index < 0) return utcDay(start);
  const at = occurrence(start, frequency, index);
  return at.getTime() === utcDay(day).getTime() ? at : occurrence(start, frequency, index + 1);
}

/** The first due date after `day`. */
export function dueAfter(start: Date, frequency: StandingOrderFrequency, day: Date): Date {
  return dueOnOrAfter(start, frequency, new Date(utcDay(day).getTime() + DAY_MS));
}

/** The last day a run due on `due` pays for: the day before the next due date. */
export function periodEnd(start: Date, frequency: StandingOrderFrequency, due: Date): Date {
  return new Date(dueAfter(start, frequency, due).getTime() - DAY_MS);
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** The period a run pays for, in words: "March 2027" for a month starting on the 1st, else "31 Jan 2027 – 27 Feb 2027". */
export function periodLabel(start: Date, frequency: StandingOrderFrequency, due: Date): string {
  const end = periodEnd(start, frequency, due);
  if (frequency === "monthly" && due.getUTCDate() === 1) return MONTH.format(due);
  return `${DAY.format(due)} – ${DAY.format(end)}`;
}
