/**
 * The documented bounds on input both APIs share, so that no accepted value can make a
 * query fail: amounts small enough that totals stay exact, pages and dates the database
 * and the calendar can represent.
 */

/** Largest amount in one field, in whole units of its currency (ten billion). */
export const MAX_AMOUNT = 10_000_000_000;

/** Highest page number a list accepts. */
export const MAX_PAGE = 10_000;

/** Dates are accepted from 1 January 1900 to 31 December 2100. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function withinYears(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export const YEARS_MESSAGE = `must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`;
