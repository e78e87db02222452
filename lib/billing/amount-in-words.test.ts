import { describe, expect, it } from "vitest";
import { amountInWords, numberInWords } from "./amount-in-words";

describe("amountInWords", () => {
  it("writes shillings as on a Kenyan receipt", () => {
    expect(amountInWords(5_750_000n, "KES")).toBe("Kenya Shillings Fifty-Seven Thousand Five Hundred Only");
    expect(amountInWords(100n, "KES")).toBe("Kenya Shillings One Only");
    expect(amountInWords(0n, "KES")).toBe("Kenya Shillings Zero Only");
  });

  it("adds cents", () => {
    expect(amountInWords(5_750_050n, "KES")).toBe("Kenya Shillings Fifty-Seven Thousand Five Hundred and 50 cents Only");
    expect(amountInWords(5n, "KES")).toBe("Kenya Shillings Zero and 5 cents Only");
  });

  it("names other currencies", () => {
    expect(amountInWords(1_200_000n, "USD")).toBe("US Dollars Twelve Thousand Only");
    expect(amountInWords(100n, "XYZ")).toBe("XYZ One Only");
  });

  it("writes every scale", () => {
    expect(numberInWords(1_000_001n)).toBe("One Million One");
    expect(numberInWords(2_030_400_019n)).toBe("Two Billion Thirty Million Four Hundred Thousand Nineteen");
    expect(numberInWords(90n)).toBe("Ninety");
    expect(numberInWords(115n)).toBe("One Hundred Fifteen");
    expect(numberInWords(999_999n)).toBe("Nine Hundred Ninety-Nine Thousand Nine Hundred Ninety-Nine");
  });
});
