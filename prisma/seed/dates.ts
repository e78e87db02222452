/** Date helpers. All seed dates are derived from the anchor, in UTC. */
import type { Rng } from "./random";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Kenya is UTC+3 all year. */
export const EAT_OFFSET_HOURS = 3;

/** The first day of the current UTC month at 00:00Z. */
export function defaultAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

/** Same day of month where possible (clamped to the month's length). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** Midnight UTC of the date's day: the value stored in `@db.Date` columns. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function daysInMonth(monthStart: Date): number {
  return new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0)).getUTCDate();
}

/** A time on `day` between `fromHour` and `toHour` East Africa Time. */
export function atEatHours(rng: Rng, day: Date, fromHour: number, toHour: number): Date {
  const minutes = rng.int(fromHour * 60, toHour * 60 - 1);
  return new Date(dayOf(day).getTime() + (minutes - EAT_OFFSET_HOURS * 60) * MINUTE + rng.int(0, 59) * 1000);
}

/** YYYYMMDD, for payment references. */
export function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll("-", "");
}

/**
 * The history window: month 0 is the oldest, month `HISTORY_MONTHS - 1` the month
 * before the anchor. Everything in the history happens before the anchor.
 */
export const HISTORY_MONTHS = 14;

export class Timeline {
  readonly months: Date[];

  constructor(readonly anchor: Date) {
    const start = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
    this.months = Array.from({ length: HISTORY_MONTHS }, (_, i) => addMonths(start, i - HISTORY_MONTHS));
  }

  monthStart(index: number): Date {
    return this.months[index]!;
  }

  /** A random moment in history month `index`, during the given EAT hours, never at or after the anchor. */
  inMonth(rng: Rng, index: number, fromHour = 8, toHour = 17): Date {
    const start = this.monthStart(index);
    const day = addDays(start, rng.int(0, daysInMonth(start) - 1));
    return this.beforeAnchor(atEatHours(rng, day, fromHour, toHour));
  }

  /** The history month a date falls in (clamped to the window). */
  monthIndexOf(date: Date): number {
    const months = (date.getUTCFullYear() - this.months[0]!.getUTCFullYear()) * 12 + date.getUTCMonth() - this.months[0]!.getUTCMonth();
    return Math.max(0, Math.min(HISTORY_MONTHS - 1, months));
  }

  beforeAnchor(date: Date, marginMinutes = 30): Date {
    const limit = this.anchor.getTime() - marginMinutes * MINUTE;
    return date.getTime() < limit ? date : new Date(limit);
  }

  /**
   * Start of the current Kenyan school year: term one opens in the first week of January.
   * If the anchor falls before that, it is the previous January.
   */
  schoolYearStart(): Date {
    const y = this.anchor.getUTCFullYear();
    const opening = new Date(Date.UTC(y, 0, 6, 5)); // 08:00 EAT on 6 January
    return opening.getTime() <= this.anchor.getTime() ? opening : new Date(Date.UTC(y - 1, 0, 6, 5));
  }
}
