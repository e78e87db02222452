/**
 * A sponsorship's money follows its calendar: the amount is split into monthly periods
 * from the start date to the end date, and money paid in is laid over those periods in
 * order. A period's money is disbursed when the period starts (or when the money comes,
 * if later); until then it is committed, held for that period.
 *
 * Period k starts k months after the start date, on the same day of the month or the
 * month's last day when it is shorter (31 January, 28 February, 31 March, …). There is one
 * period for each such start on or before the end date, and at least one. Every period
 * gets the same amount; the remainder of the division goes to the last, so the periods
 * add up to the amount exactly.
 */

export interface DisbursementPeriod {
  /** 0 for the first period. */
  index: number;
  /** Midnight UTC of the day the period starts. */
  start: Date;
  amountMinor: bigint;
}

const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** `months` months after `start`, on the same day of the month or the last day of a shorter month. */
export function addMonthsClamped(start: Date, months: number): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
}

export function disbursementPeriods(sponsorship: { startDate: Date; endDate: Date; amountMinor: bigint }): DisbursementPeriod[] {
  const { startDate, endDate, amountMinor } = sponsorship;
  const end = utcDay(endDate);
  const starts: Date[] = [new Date(utcDay(startDate))];
  for (let k = 1; ; k++) {
    const next = addMonthsClamped(startDate, k);
    if (next.getTime() > end) break;
    starts.push(next);
  }
  const count = BigInt(starts.length);
  const each = amountMinor / count;
  const last = amountMinor - each * (count - 1n);
  return starts.map((start, index) => ({ index, start, amountMinor: index === starts.length - 1 ? last : each }));
}

export interface PeriodShare {
  period: DisbursementPeriod;
  amountMinor: bigint;
}

/**
 * Where `amountMinor` of new money falls on the schedule when `alreadyMinor` was paid in
 * before it: after what earlier payments gave, period by period. Money beyond the
 * schedule's total is not placed (the caller never gives more than the sponsorship needs).
 */
export function layOverSchedule(periods: DisbursementPeriod[], alreadyMinor: bigint, amountMinor: bigint): PeriodShare[] {
  const from = alreadyMinor;
  const until = alreadyMinor + amountMinor;
  const shares: PeriodShare[] = [];
  let periodFrom = 0n;
  for (const period of periods) {
    const periodUntil = periodFrom + period.amountMinor;
    const lo = from > periodFrom ? from : periodFrom;
    const hi = until < periodUntil ? until : periodUntil;
    if (hi > lo) shares.push({ period, amountMinor: hi - lo });
    periodFrom = periodUntil;
  }
  return shares;
}

/** When a period's money is disbursed: when the period starts, or when the money came if that is later. */
export function disbursedAtFor(periodStart: Date, receivedAt: Date): Date {
  return periodStart.getTime() > receivedAt.getTime() ? periodStart : receivedAt;
}
