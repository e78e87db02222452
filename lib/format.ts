/** Display helpers shared by the partner pages (server and client). */
const numberFormat = new Intl.NumberFormat("en-KE", { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatPercent(value: number): string {
  return `${numberFormat.format(value)}%`;
}

/** "2026-03" → "Mar 2026". */
export function formatMonth(month: string): string {
  const [year, mon] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("en-KE", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, mon - 1, 1)));
}
