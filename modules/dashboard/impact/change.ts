/**
 * A headline figure's change against the previous period, in words: "up 12 on the previous
 * quarter", "down KES 4,000.00 …", "same as …". Neither colour nor arrow says good or bad:
 * a rising cost per student is not good news.
 */
export function changeAgainst(
  current: number | null | undefined,
  previous: number | null | undefined,
  format: (value: number) => string,
  periodLabel: string,
): { text: string; direction: "up" | "down" | "same" } | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const difference = Math.round((current - previous) * 100) / 100;
  if (difference === 0) return { text: `same as the previous ${periodLabel}`, direction: "same" };
  const direction = difference > 0 ? "up" : "down";
  return { text: `${direction} ${format(Math.abs(difference))} on the previous ${periodLabel}`, direction };
}
