import { describe, expect, it } from "vitest";
import { proposalChanges } from "./proposal-diff";

const base = {
  campaignName: "Summer",
  compensation: { amount: 1200, currency: "USD", paymentSchedule: "50% upfront, 50% on completion", paymentPlan: null },
  timeline: { startDate: "2027-03-01T00:00:00.000Z", endDate: "2027-04-30T00:00:00.000Z" },
  deliverables: [{ type: "instagram_reel", description: "Reel", dueDate: "2027-03-10T00:00:00.000Z", requirements: null }],
  terms: { contentRights: "12 months", exclusivity: null, revisions: "Two rounds", additionalTerms: null },
};

describe("what a counter-proposal changed", () => {
  it("names each changed field with its old and new value, and nothing else", () => {
    const counter = {
      ...base,
      compensation: { ...base.compensation, amount: 1500 },
      deliverables: [
        ...base.deliverables,
        { type: "tiktok_video", description: "Clip", dueDate: "2027-03-20T00:00:00.000Z", requirements: null },
      ],
      terms: { ...base.terms, revisions: "One round" },
    };
    const changes = proposalChanges(base as never, counter as never);
    expect(changes.map((c) => c.field)).toEqual(["Amount", "Deliverable 2", "Revisions"]);
    expect(changes[0]).toEqual({ field: "Amount", before: "$1,200.00", after: "$1,500.00" });
    expect(changes[1]!.before).toBe("(none)");
    expect(changes[2]).toEqual({ field: "Revisions", before: "Two rounds", after: "One round" });
  });

  it("finds no change in an identical copy", () => {
    expect(proposalChanges(base as never, structuredClone(base) as never)).toEqual([]);
  });
});
