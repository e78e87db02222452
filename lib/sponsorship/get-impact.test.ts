import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorByEmail } from "@/tests/helpers/actors";
import { getImpact, getPreviousImpact } from "./get-impact";
import { listImpactFilterValues } from "./list-impact-filter-values";

let partner: Actor;
beforeAll(async () => {
  partner = await actorByEmail("partner@demo.test");
});

const monthsEarlier = (day: string, months: number) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
};

describe("the previous period's figures", () => {
  it("cover the same span three or twelve months earlier, and all time has none", async () => {
    for (const [period, months] of [
      ["quarter", 3],
      ["year", 12],
    ] as const) {
      const [current, previous] = await Promise.all([getImpact({ actor: partner, period }), getPreviousImpact({ actor: partner, period })]);
      expect(previous, period).not.toBeNull();
      expect(previous!.period_start).toBe(monthsEarlier(current.period_start, months));
      expect(previous!.period_end).toBe(monthsEarlier(current.period_end, months));
    }
    expect(await getPreviousImpact({ actor: partner, period: "all_time" })).toBeNull();
  });

  it("are the partner's own: a brand cannot ask", async () => {
    await expect(getPreviousImpact({ actor: await actorByEmail("brand@demo.test"), period: "year" })).rejects.toThrow();
  });
});

describe("the impact filters' choices", () => {
  it("are the grades and subjects the partner's students have, in order", async () => {
    const { grades, subjects } = await listImpactFilterValues({ actor: partner });
    expect(grades.length).toBeGreaterThan(0);
    expect(grades).toEqual([...grades].sort((a, b) => a - b));
    expect(new Set(grades).size).toBe(grades.length);
    expect(subjects.length).toBeGreaterThan(0);
    const other = await listImpactFilterValues({ actor: await actorByEmail("partner2@demo.test") });
    expect(other.grades.every((grade) => Number.isInteger(grade))).toBe(true);
  });
});
