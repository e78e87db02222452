import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkedPaymentPlan, parsePaymentPlan, PaymentPlanError, planFromJson, planJson, planView } from "./payment-plan";

const usd = (totalMinor: bigint, deliverableCount = 3) => ({ totalMinor, currency: "USD", deliverableCount });
const shape = (schedule: string | null, totalMinor = 10_000n, deliverableCount = 3) =>
  parsePaymentPlan(schedule, usd(totalMinor, deliverableCount)).map((i) => [
    i.type,
    i.trigger,
    i.percent ?? null,
    i.amountMinor,
    i.deliverables,
  ]);

describe("parsePaymentPlan: the forms it reads", () => {
  it("reads upfront and on completion", () => {
    expect(shape("30% upfront, 70% on completion")).toEqual([
      ["initial", "on_signing", 30, 3000n, []],
      ["final", "on_completion", 70, 7000n, [1, 2, 3]],
    ]);
    expect(shape("50% on signing, 50% on completion")).toEqual(shape("50% Up-front; 50% upon completion."));
    expect(shape("50 percent on contract signature and then 50 percent on delivery")).toEqual(shape("50% upfront, 50% on completion"));
  });

  it("reads a single payment on completion, and takes an empty schedule as one", () => {
    const whole = [["final", "on_completion", 100, 10_000n, [1, 2, 3]]];
    expect(shape("100% on completion")).toEqual(whole);
    expect(shape("on completion")).toEqual(whole);
    expect(shape("Final")).toEqual(whole);
    expect(shape("Full payment on completion")).toEqual(whole);
    expect(shape("the whole amount on delivery")).toEqual(whole);
    expect(shape("")).toEqual(whole);
    expect(shape("   ")).toEqual(whole);
    expect(shape(null)).toEqual(whole);
    expect(parsePaymentPlan(null, usd(10_000n))[0]!.description).toBe("Full payment on approval of all deliverables");
  });

  it("reads amounts in the proposal's currency and a rest", () => {
    expect(shape("USD 20 on signing, rest on completion")).toEqual([
      ["initial", "on_signing", null, 2000n, []],
      ["final", "on_completion", null, 8000n, [1, 2, 3]],
    ]);
    expect(shape("20 on signing, the remainder on completion")).toEqual(shape("USD 20 on signing, rest on completion"));
    expect(shape("20.50 USD upfront, balance on delivery")).toEqual([
      ["initial", "on_signing", null, 2050n, []],
      ["final", "on_completion", null, 7950n, [1, 2, 3]],
    ]);
    const kes = parsePaymentPlan("KES 1,500 on signing, rest on completion", {
      totalMinor: 1_000_000n,
      currency: "KES",
      deliverableCount: 1,
    });
    expect(kes.map((i) => i.amountMinor)).toEqual([150_000n, 850_000n]);
    expect(kes[1]!.description).toBe("Rest (KES 8500.00) on approval of all deliverables");
    expect(shape("USD 20 on signing, USD 80 on completion")).toEqual([
      ["initial", "on_signing", null, 2000n, []],
      ["final", "on_completion", null, 8000n, [1, 2, 3]],
    ]);
  });

  it("reads payments on approval of named deliverables", () => {
    expect(shape("25% on signing; 25% on approval of deliverable 1; 50% on completion")).toEqual([
      ["initial", "on_signing", 25, 2500n, []],
      ["milestone", "on_approval", 25, 2500n, [1]],
      ["final", "on_completion", 50, 5000n, [1, 2, 3]],
    ]);
    expect(shape("40% on approval of deliverables 1 and 2, 60% on completion")).toEqual([
      ["milestone", "on_approval", 40, 4000n, [1, 2]],
      ["final", "on_completion", 60, 6000n, [1, 2, 3]],
    ]);
    expect(shape("30% on approval of deliverables 3, 1 and 3, 20 on approval of deliverable 2, rest on completion")).toEqual([
      ["milestone", "on_approval", 30, 3000n, [1, 3]],
      ["milestone", "on_approval", null, 2000n, [2]],
      ["final", "on_completion", null, 5000n, [1, 2, 3]],
    ]);
    const [milestone] = parsePaymentPlan("40% on approval of deliverables 1 and 2, 60% on completion", usd(10_000n));
    expect(milestone).toMatchObject({ position: 1, description: "40% on approval of deliverables 1 and 2" });
  });

  it("numbers items in the order written and describes each", () => {
    const plan = parsePaymentPlan("30% upfront, 70% on completion", usd(10_000n));
    expect(plan.map((i) => [i.position, i.description])).toEqual([
      [1, "30% on signing of the contract"],
      [2, "70% on approval of all deliverables"],
    ]);
  });
});

describe("parsePaymentPlan: rounding", () => {
  it("rounds percentages down and lets the last percentage absorb the remainder", () => {
    expect(shape("50% upfront, 50% on completion", 150_050n).map((i) => i[3])).toEqual([75_025n, 75_025n]);
    expect(shape("30% upfront, 70% on completion", 100_001n).map((i) => i[3])).toEqual([30_000n, 70_001n]);
    expect(shape("33.5% Up-front, 66.5% on completion.", 1001n).map((i) => i[3])).toEqual([335n, 666n]);
    expect(shape("33.33% upfront, 33.33% on approval of deliverable 1, 33.34% on completion", 100n).map((i) => i[3])).toEqual([
      33n,
      33n,
      34n,
    ]);
  });

  it("lets the rest absorb the remainder wherever it is written", () => {
    const plan = parsePaymentPlan("rest upfront, 33.33% on approval of deliverable 1, 33.33% on completion", usd(1001n));
    expect(plan.map((i) => i.amountMinor)).toEqual([335n, 333n, 333n]);
  });

  it("always sums exactly to the total", () => {
    for (const total of [1n, 3n, 7n, 99n, 101n, 12_345n, 1_000_000_000_001n]) {
      for (const schedule of [
        "33.33% upfront, 33.33% on approval of deliverable 2, 33.34% on completion",
        "1% upfront, rest on completion",
      ]) {
        let plan;
        try {
          plan = parsePaymentPlan(schedule, usd(total));
        } catch (error) {
          expect(error).toBeInstanceOf(PaymentPlanError);
          continue;
        }
        expect(plan.reduce((sum, item) => sum + item.amountMinor, 0n)).toBe(total);
      }
    }
  });
});

describe("parsePaymentPlan: refusals", () => {
  const refused = (schedule: string, message: RegExp, totalMinor = 10_000n, deliverableCount = 3) =>
    expect(() => parsePaymentPlan(schedule, usd(totalMinor, deliverableCount))).toThrow(message);

  it("refuses what it cannot read", () => {
    for (const schedule of ["net 30", "30% upfront, 70% net 30", "half now, half later", "30%", "30% upfront,", "upfront upfront"]) {
      refused(schedule, /Cannot read|ends with a separator/);
    }
    expect(() => parsePaymentPlan("net 30", usd(10_000n))).toThrow(PaymentPlanError);
  });

  it("refuses percentages and amounts that do not add up", () => {
    refused("30% upfront, 60% on completion", /add up to 90%, not 100%/);
    refused("60% upfront, 60% on completion", /add up to 120%, not 100%/);
    refused("USD 20 on signing, USD 70 on completion", /add up to USD 90.00, not the compensation of USD 100.00/);
    refused("USD 20 on signing, 70% on completion", /add up to USD 90.00/);
    refused("100% upfront, rest on completion", /Nothing is left/);
    refused("USD 100 upfront, rest on completion", /Nothing is left/);
    refused("USD 120 upfront, rest on completion", /Nothing is left/);
  });

  it("refuses zero, negative, too precise and too small items", () => {
    refused("0% upfront, 100% on completion", /more than zero/);
    refused("-10% upfront, 110% on completion", /more than zero|more than 100%/);
    refused("USD 0 upfront, rest on completion", /more than zero/);
    refused("150% upfront, rest on completion", /more than 100%/);
    refused("33.333% upfront, rest on completion", /at most two decimals/);
    refused("USD 1.005 upfront, rest on completion", /at most two decimals/);
    refused("0.5% upfront, rest on completion", /less than USD 0.01/, 100n);
  });

  it("refuses deliverable numbers the proposal does not have", () => {
    refused("50% on approval of deliverable 4, 50% on completion", /no deliverable 4; the proposal has deliverables 1 to 3/);
    refused("50% on approval of deliverable 0, 50% on completion", /no deliverable 0/);
    refused("50% on approval of deliverables 1 and 2, 50% on completion", /no deliverable 2; the proposal has 1 deliverable/, 10_000n, 1);
  });

  it("refuses more than one rest and repeated signing or completion payments", () => {
    refused("rest upfront, rest on completion", /Only one item can take the rest/);
    refused("upfront, on completion", /Only one item can take the rest/);
    refused("50% upfront, 50% on signing", /Only one payment can be due on signing/);
    refused("50% on completion, 50% on delivery", /Only one payment can be due on completion/);
  });

  it("refuses amounts in another currency", () => {
    refused("KES 20 upfront, rest on completion", /in the proposal's currency, USD/);
  });

  it("answers a refusal as 400 invalid_request on the schedule field", () => {
    try {
      checkedPaymentPlan("net 30", usd(10_000n));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_request");
      expect((error as AppError).details?.fields).toEqual([
        { path: "body.compensation.paymentSchedule", message: expect.stringContaining("net 30"), type: "value_error.payment_schedule" },
      ]);
    }
  });
});

describe("stored plans", () => {
  it("round-trips through JSON and shows amounts in major units", () => {
    const plan = parsePaymentPlan("25% on signing; 25% on approval of deliverable 1; 50% on completion", usd(1_000_001n));
    const stored = JSON.parse(JSON.stringify(planJson(plan)));
    expect(stored[0]).toEqual({
      position: 1,
      type: "initial",
      trigger: "on_signing",
      percent: 25,
      amountMinor: "250000",
      deliverables: [],
      description: "25% on signing of the contract",
    });
    expect(planFromJson(stored)).toEqual(plan);
    expect(planView(plan)!.map((i) => i.amount)).toEqual([2500, 2500, 5000.01]);
    expect(planFromJson(null)).toBeNull();
    expect(planFromJson([{ trigger: "later" }])).toBeNull();
    expect(planView(null)).toBeNull();
  });
});
