import { describe, expect, it } from "vitest";
import { changeAgainst } from "./change";

const plain = (value: number) => String(value);

describe("the change against the previous period", () => {
  it("says which way and by how much, in the figure's own format", () => {
    expect(changeAgainst(112, 100, plain, "quarter")).toEqual({ text: "up 12 on the previous quarter", direction: "up" });
    expect(changeAgainst(4.5, 7.25, (v) => `${v} points`, "year")).toEqual({
      text: "down 2.75 points on the previous year",
      direction: "down",
    });
    expect(changeAgainst(3, 3, plain, "year")).toEqual({ text: "same as the previous year", direction: "same" });
  });

  it("says nothing when either figure is missing", () => {
    expect(changeAgainst(null, 3, plain, "year")).toBeNull();
    expect(changeAgainst(3, undefined, plain, "year")).toBeNull();
  });
});
