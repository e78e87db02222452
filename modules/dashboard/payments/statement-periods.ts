/** The periods a statement is usually asked for: Kenya's fiscal year runs 1 July to 30 June. */
export interface StatementPeriod {
  key: string;
  label: string;
  start: string;
  end: string;
}

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

export function statementPeriods(today: Date): StatementPeriod[] {
  const year = today.getUTCFullYear();
  // The fiscal year that contains today starts on the last 1 July on or before it.
  const fiscalStart = today.getUTCMonth() >= 6 ? year : year - 1;
  const fy = (start: number) => `FY ${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  return [
    {
      key: "this_fiscal_year",
      label: `This fiscal year (${fy(fiscalStart)})`,
      start: iso(fiscalStart, 7, 1),
      end: iso(fiscalStart + 1, 6, 30),
    },
    {
      key: "last_fiscal_year",
      label: `Last fiscal year (${fy(fiscalStart - 1)})`,
      start: iso(fiscalStart - 1, 7, 1),
      end: iso(fiscalStart, 6, 30),
    },
    { key: "calendar_year", label: `Calendar year ${year}`, start: iso(year, 1, 1), end: iso(year, 12, 31) },
    { key: "last_calendar_year", label: `Calendar year ${year - 1}`, start: iso(year - 1, 1, 1), end: iso(year - 1, 12, 31) },
  ];
}
