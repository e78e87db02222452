import { describe, expect, it } from "vitest";
import { MPESA_FAILURE_CODES, stkResultMeaning } from "./mpesa-result-codes";

describe("STK result codes", () => {
  it.each([
    [1032, "cancelled", "You cancelled the M-Pesa prompt."],
    [1037, "unreachable", "The phone could not be reached (it may be off or out of network coverage); try again."],
    [1019, "expired", "The M-Pesa prompt expired before it was answered; try again."],
    [1, "insufficient_funds", "The M-Pesa balance was too low for this payment."],
    [2001, "wrong_pin", "The M-Pesa PIN entered was wrong; try again."],
    [1001, "busy", "Another M-Pesa transaction was in progress on this phone; wait a minute and try again."],
    [1025, "provider_error", "M-Pesa could not process the payment; nothing was charged. Try again later."],
    [9999, "provider_error", "M-Pesa could not process the payment; nothing was charged. Try again later."],
    [17, "provider_error", "M-Pesa could not process the payment; nothing was charged. Try again later."],
  ])("maps %s to %s with a plain message", (code, failureCode, message) => {
    expect(stkResultMeaning(code)).toEqual({ outcome: "failed", failureCode, message });
    expect(stkResultMeaning(String(code))).toEqual({ outcome: "failed", failureCode, message });
  });

  it("reads 0 (number or digits) as paid, and nothing else", () => {
    expect(stkResultMeaning(0)).toEqual({ outcome: "completed" });
    expect(stkResultMeaning("0")).toEqual({ outcome: "completed" });
    expect(stkResultMeaning("")).toMatchObject({ outcome: "failed", failureCode: "provider_error" });
    expect(stkResultMeaning("abc")).toMatchObject({ outcome: "failed", failureCode: "provider_error" });
  });

  it("only answers listed failure codes", () => {
    for (const code of [0, 1, 1001, 1019, 1025, 1032, 1037, 2001, 9999]) {
      const meaning = stkResultMeaning(code);
      if (meaning.outcome === "failed") expect(MPESA_FAILURE_CODES).toContain(meaning.failureCode);
    }
  });
});
