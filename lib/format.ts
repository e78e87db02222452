/** How numbers, money and months read on every page (server and client alike). */
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
  return new Intl.DateTimeFormat("en-KE", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, mon - 1, 1)),
  );
}

/** An amount in major units for people: KES in the Kenyan locale, other currencies in their usual form. */
export function formatMoney(major: number, currency: string, locale = currency === "KES" ? "en-KE" : "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 }).format(major);
}
