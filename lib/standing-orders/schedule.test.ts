import { describe, expect, it } from "vitest";
import { addMonthsClamped, dueAfter, dueOnOrAfter, dueOnOrBefore, occurrence, periodLabel, utcDay } from "./schedule";

const d = (text: string) => new Date(`${text}T00:00:00Z`);
const text = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

describe("standing order schedule (UTC calendar dates)", () => {
  it("keeps the start day, clamped to each month's end, without drifting", () => {
    const start = d("2027-01-31");
    expect([0, 1, 2, 3, 4].map((i) => text(occurrence(start, "monthly", i)))).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
    ]);
    expect(text(occurrence(d("2028-01-31"), "monthly", 1))).toBe("2028-02-29");
    expect(text(addMonthsClamped(d("2027-12-15"), 1))).toBe("2028-01-15");
  });

  it("steps quarterly by three months and yearly by twelve", () => {
    expect([0, 1, 2, 3, 4].map((i) => text(occurrence(d("2027-11-30"), "quarterly", i)))).toEqual([
      "2027-11-30",
      "2028-02-29",
      "2028-05-30",
      "2028-08-30",
      "2028-11-30",
    ]);
    expect([0, 1, 2].map((i) => text(occurrence(d("2028-02-29"), "yearly", i)))).toEqual(["2028-02-29", "2029-02-28", "2030-02-28"]);
  });

  it("finds the due dates around a day", () => {
    const start = d("2027-01-31");
    expect(text(dueOnOrBefore(start, "monthly", d("2027-01-30")))).toBeNull();
    expect(text(dueOnOrBefore(start, "monthly", d("2027-02-27")))).toBe("2027-01-31");
    expect(text(dueOnOrBefore(start, "monthly", d("2027-02-28")))).toBe("2027-02-28");
    expect(text(dueOnOrBefore(start, "monthly", d("2027-03-30")))).toBe("2027-02-28");
    expect(text(dueOnOrAfter(start, "monthly", d("2026-12-01")))).toBe("2027-01-31");
    expect(text(dueOnOrAfter(start, "monthly", d("2027-02-28")))).toBe("2027-02-28");
    expect(text(dueOnOrAfter(start, "monthly", d("2027-03-01")))).toBe("2027-03-31");
    expect(text(dueAfter(start, "monthly", d("2027-02-28")))).toBe("2027-03-31");
    expect(text(dueAfter(start, "quarterly", d("2027-01-31")))).toBe("2027-04-30");
    expect(text(dueAfter(start, "yearly", d("2027-01-31")))).toBe("2028-01-31");
  });

  it("works on the UTC date of an instant", () => {
    // 23:30 in Nairobi on 31 January is still 31 January in UTC until 03:00 there.
    expect(text(utcDay(new Date("2027-01-31T20:30:00Z")))).toBe("2027-01-31");
    expect(text(dueOnOrAfter(d("2027-01-31"), "monthly", new Date("2027-02-28T23:59:59Z")))).toBe("2027-02-28");
  });

  it("names the period a run pays for", () => {
    expect(periodLabel(d("2027-03-01"), "monthly", d("2027-04-01"))).toBe("April 2027");
    expect(periodLabel(d("2027-01-31"), "monthly", d("2027-02-28"))).toBe("28 Feb 2027 – 30 Mar 2027");
    expect(periodLabel(d("2027-01-01"), "quarterly", d("2027-04-01"))).toBe("1 Apr 2027 – 30 Jun 2027");
  });
});
