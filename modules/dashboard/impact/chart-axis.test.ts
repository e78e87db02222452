import { describe, expect, it } from "vitest";
import { fittedBarTop, fittedScoreDomain } from "./chart-axis";

describe("the fitted score axis", () => {
  it("fits a narrow rise instead of flattening it against 0–100, and says zero is not shown", () => {
    expect(fittedScoreDomain([62, 66, 71])).toEqual({ domain: [55, 80], fromZero: false });
  });

  it("keeps zero when the data comes near it, and stays within 0–100", () => {
    expect(fittedScoreDomain([8, 40])).toEqual({ domain: [0, 50], fromZero: true });
    expect(fittedScoreDomain([97, 99])).toEqual({ domain: [90, 100], fromZero: false });
  });

  it("shows the whole scale when there is nothing to fit", () => {
    expect(fittedScoreDomain([null, undefined])).toEqual({ domain: [0, 100], fromZero: true });
  });
});

describe("the fitted bar axis", () => {
  it("starts at zero and ends just above the tallest bar", () => {
    expect(fittedBarTop([41, 58.5])).toBe(70);
    expect(fittedBarTop([96])).toBe(100);
    expect(fittedBarTop([2])).toBe(10);
    expect(fittedBarTop([])).toBe(100);
  });
});
