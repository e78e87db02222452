/** The composer's fields as typed, which an unfinished proposal keeps; every one may still be empty. */
import { z } from "zod";
import { uuidString } from "../../schemas/ids";

const text = (max: number) => z.string().max(max).default("");

export const unfinishedProposalFields = z.strictObject({
  recipientId: text(64),
  campaignId: text(64),
  deliverables: z
    .array(z.strictObject({ type: text(64), description: text(2000), dueDate: text(32), requirements: text(5000) }))
    .max(50)
    .default([]),
  amount: text(32),
  currency: text(3),
  paymentSchedule: text(500),
  startDate: text(32),
  endDate: text(32),
  contentRights: text(2000),
  exclusivity: text(2000),
  revisions: text(2000),
  additionalTerms: text(5000),
});
export type UnfinishedProposalFields = z.output<typeof unfinishedProposalFields>;

export const saveUnfinishedProposalBody = z.strictObject({
  /** The unfinished proposal to update; absent to start one. */
  id: uuidString.optional(),
  fields: unfinishedProposalFields,
});
export type SaveUnfinishedProposalBody = z.output<typeof saveUnfinishedProposalBody>;
