import { describe, expect, it } from "vitest";
import { addMonthsClamped, disbursedAtFor, disbursementPeriods, layOverSchedule } from "./disbursement-calendar";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("disbursementPeriods", () => {
  it("splits a year into twelve equal monthly periods", () => {
    const periods = disbursementPeriods({ startDate: day("2026-01-01"), endDate: day("2026-12-31"), amountMinor: 1_200_000n });
    expect(periods).toHaveLength(12);
    expect(periods.map((p) => iso(p.start))).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
    ]);
    expect(new Set(periods.map((p) => p.amountMinor))).toEqual(new Set([100_000n]));
  });

  it("clamps a start late in the month to each month's end, from the original day", () => {
    const periods = disbursementPeriods({ startDate: day("2026-01-31"), endDate: day("2026-05-30"), amountMinor: 400n });
    expect(periods.map((p) => iso(p.start))).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(iso(addMonthsClamped(day("2028-01-31"), 1))).toBe("2028-02-29");
  });

  it("puts the remainder on the last period, adding up exactly", () => {
    const periods = disbursementPeriods({ startDate: day("2026-03-15"), endDate: day("2026-06-14"), amountMinor: 1_000n });
    expect(periods.map((p) => p.amountMinor)).toEqual([333n, 333n, 334n]);
    expect(periods.reduce((sum, p) => sum + p.amountMinor, 0n)).toBe(1_000n);
  });

  it("has at least one period, even when the end is before a month has passed", () => {
    expect(disbursementPeriods({ startDate: day("2026-03-15"), endDate: day("2026-03-20"), amountMinor: 999n })).toEqual([
      { index: 0, start: day("2026-03-15"), amountMinor: 999n },
    ]);
    expect(disbursementPeriods({ startDate: day("2026-03-15"), endDate: day("2026-03-01"), amountMinor: 5n })).toHaveLength(1);
  });

  it("counts a start on the end date as a period", () => {
    expect(disbursementPeriods({ startDate: day("2026-01-10"), endDate: day("2026-03-10"), amountMinor: 300n })).toHaveLength(3);
  });
});

describe("layOverSchedule", () => {
  const periods = disbursementPeriods({ startDate: day("2026-01-01"), endDate: day("2026-04-30"), amountMinor: 400n });

  it("fills the periods in order", () => {
    expect(layOverSchedule(periods, 0n, 250n).map((s) => [iso(s.period.start), s.amountMinor])).toEqual([
      ["2026-01-01", 100n],
      ["2026-02-01", 100n],
      ["2026-03-01", 50n],
    ]);
  });

  it("continues after what earlier payments gave", () => {
    expect(layOverSchedule(periods, 250n, 150n).map((s) => [iso(s.period.start), s.amountMinor])).toEqual([
      ["2026-03-01", 50n],
      ["2026-04-01", 100n],
    ]);
  });

  it("places nothing beyond the schedule", () => {
    expect(layOverSchedule(periods, 400n, 10n)).toEqual([]);
    expect(layOverSchedule(periods, 0n, 0n)).toEqual([]);
  });
});

describe("disbursedAtFor", () => {
  it("is the later of the period start and the money's arrival", () => {
    const arrived = new Date("2026-02-10T09:30:00Z");
    expect(disbursedAtFor(day("2026-01-01"), arrived)).toBe(arrived);
    expect(disbursedAtFor(day("2026-03-01"), arrived)).toEqual(day("2026-03-01"));
  });
});
