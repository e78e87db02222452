/**
 * A score axis fitted to the data it shows, so a ten-point rise is not flattened against
 * 0–100: the range is the data's, widened to whole steps of five with a little room either
 * side, never beyond 0–100. `fromZero` is false when the axis does not start at zero, and
 * the chart then says so.
 */
export function fittedScoreDomain(values: ReadonlyArray<number | null | undefined>): { domain: [number, number]; fromZero: boolean } {
  const numbers = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (numbers.length === 0) return { domain: [0, 100], fromZero: true };
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const room = Math.max(5, (max - min) * 0.2);
  let low = Math.max(0, Math.floor((min - room) / 5) * 5);
  const high = Math.min(100, Math.ceil((max + room) / 5) * 5);
  // Close to zero, start at zero: a short cut-off would only mislead.
  if (low <= 10) low = 0;
  return { domain: [low, Math.max(high, low + 10)], fromZero: low === 0 };
}

/** Bars measure from zero, so only their axis's top is fitted: the next ten above the tallest bar, at most 100. */
export function fittedBarTop(values: ReadonlyArray<number | null | undefined>): number {
  const numbers = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (numbers.length === 0) return 100;
  return Math.min(100, Math.max(10, Math.ceil((Math.max(...numbers) * 1.1) / 10) * 10));
}
