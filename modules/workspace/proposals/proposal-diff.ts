import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import type { ProposalResponse } from "@/lib/partnerships/schemas/proposals";

export interface ProposalChange {
  field: string;
  before: string;
  after: string;
}

type Comparable = Pick<ProposalResponse, "compensation" | "timeline" | "deliverables" | "terms" | "campaignName">;

const day = (iso: string) => iso.slice(0, 10);
const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : "—");
const deliverableText = (d: ProposalResponse["deliverables"][number]) =>
  `${labelFor(d.type)}: ${d.description} (due ${day(d.dueDate)})${d.requirements ? `; ${d.requirements}` : ""}`;

/** What a counter-proposal changed from the proposal it answers, field by field, in the words the page uses. */
export function proposalChanges(before: Comparable, after: Comparable): ProposalChange[] {
  const changes: ProposalChange[] = [];
  const add = (field: string, from: string, to: string) => {
    if (from !== to) changes.push({ field, before: from, after: to });
  };
  add(
    "Amount",
    formatMoney(before.compensation.amount, before.compensation.currency),
    formatMoney(after.compensation.amount, after.compensation.currency),
  );
  add("Payment schedule", text(before.compensation.paymentSchedule), text(after.compensation.paymentSchedule));
  add("Start date", day(before.timeline.startDate), day(after.timeline.startDate));
  add("End date", day(before.timeline.endDate), day(after.timeline.endDate));
  add("Campaign", text(before.campaignName), text(after.campaignName));
  const count = Math.max(before.deliverables.length, after.deliverables.length);
  for (let index = 0; index < count; index++) {
    const from = before.deliverables[index];
    const to = after.deliverables[index];
    add(`Deliverable ${index + 1}`, from ? deliverableText(from) : "(none)", to ? deliverableText(to) : "(removed)");
  }
  add("Content rights", text(before.terms.contentRights), text(after.terms.contentRights));
  add("Exclusivity", text(before.terms.exclusivity), text(after.terms.exclusivity));
  add("Revisions", text(before.terms.revisions), text(after.terms.revisions));
  add("Additional terms", text(before.terms.additionalTerms), text(after.terms.additionalTerms));
  return changes;
}
