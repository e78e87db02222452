/**
 * The proposal composer's values (strings, as the inputs hold them) and their conversion
 * to the API's request bodies. Blank inputs become absent values so the API's schema
 * reports them as required; text that may be cleared stays a string so clearing it sticks.
 */
import { z } from "zod";
import { OFFERED_CURRENCIES } from "@/lib/schemas/currency";
import { rejectProposalBody, type ProposalResponse } from "@/lib/partnerships/schemas/proposals";
import type { UnfinishedProposalFields } from "@/lib/partnerships/schemas/unfinished-proposals";

export interface DeliverableValues {
  key: string;
  type: string;
  description: string;
  dueDate: string;
  requirements: string;
}

export interface ProposalValues {
  recipientId: string;
  /** Empty for none. */
  campaignId: string;
  deliverables: DeliverableValues[];
  amount: string;
  currency: string;
  paymentSchedule: string;
  startDate: string;
  endDate: string;
  contentRights: string;
  exclusivity: string;
  revisions: string;
  additionalTerms: string;
  /** A counter-proposal's message to the other party. */
  message: string;
}

export const DELIVERABLE_TYPES = [
  "instagram_post",
  "instagram_reel",
  "instagram_story",
  "tiktok_video",
  "youtube_video",
  "blog_post",
  "other",
] as const;
export const CURRENCIES = OFFERED_CURRENCIES.map(({ code }) => code);

let keys = 0;
export const newKey = () => `d${++keys}`;

export const emptyDeliverable = (): DeliverableValues => ({ key: newKey(), type: "", description: "", dueDate: "", requirements: "" });

export function emptyProposal(): ProposalValues {
  return {
    recipientId: "",
    campaignId: "",
    deliverables: [emptyDeliverable()],
    amount: "",
    currency: "KES",
    paymentSchedule: "",
    startDate: "",
    endDate: "",
    contentRights: "",
    exclusivity: "",
    revisions: "",
    additionalTerms: "",
    message: "",
  };
}

/** YYYY-MM-DD of an ISO timestamp, as a date input holds it (dates are stored at UTC midnight). */
const dateOnly = (iso: string) => iso.slice(0, 10);

export function proposalValues(p: ProposalResponse): ProposalValues {
  return {
    recipientId: p.recipientId,
    campaignId: p.campaignId ?? "",
    deliverables: p.deliverables.map((d) => ({
      key: newKey(),
      type: d.type,
      description: d.description,
      dueDate: dateOnly(d.dueDate),
      requirements: d.requirements ?? "",
    })),
    amount: String(p.compensation.amount),
    currency: p.compensation.currency,
    paymentSchedule: p.compensation.paymentSchedule ?? "",
    startDate: dateOnly(p.timeline.startDate),
    endDate: dateOnly(p.timeline.endDate),
    contentRights: p.terms.contentRights ?? "",
    exclusivity: p.terms.exclusivity ?? "",
    revisions: p.terms.revisions ?? "",
    additionalTerms: p.terms.additionalTerms ?? "",
    message: "",
  };
}

const orAbsent = (value: string) => (value.trim() === "" ? undefined : value);

function amount(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

/** The body shared by create, update and counter (everything but the recipient). */
export function proposalContent(v: ProposalValues) {
  return {
    deliverables: v.deliverables.map((d) => ({
      type: d.type,
      description: d.description,
      dueDate: orAbsent(d.dueDate),
      requirements: d.requirements,
    })),
    compensation: { amount: amount(v.amount), currency: v.currency, paymentSchedule: v.paymentSchedule },
    timeline: { startDate: orAbsent(v.startDate), endDate: orAbsent(v.endDate) },
    terms: { contentRights: v.contentRights, exclusivity: v.exclusivity, revisions: v.revisions, additionalTerms: v.additionalTerms },
  };
}

export function proposalBody(v: ProposalValues) {
  return { recipientId: orAbsent(v.recipientId), campaignId: orAbsent(v.campaignId), ...proposalContent(v) };
}

export type ProposalBodyInput = ReturnType<typeof proposalBody>;
export type ProposalContentInput = ReturnType<typeof proposalContent>;

/** What an unfinished proposal keeps: the fields as typed, without the rows' keys. */
export function unfinishedFields(v: ProposalValues): UnfinishedProposalFields {
  return {
    recipientId: v.recipientId,
    campaignId: v.campaignId,
    deliverables: v.deliverables.map((d) => ({
      type: d.type,
      description: d.description,
      dueDate: d.dueDate,
      requirements: d.requirements,
    })),
    amount: v.amount,
    currency: v.currency,
    paymentSchedule: v.paymentSchedule,
    startDate: v.startDate,
    endDate: v.endDate,
    contentRights: v.contentRights,
    exclusivity: v.exclusivity,
    revisions: v.revisions,
    additionalTerms: v.additionalTerms,
  };
}

export function valuesOfUnfinished(fields: UnfinishedProposalFields): ProposalValues {
  const deliverables = fields.deliverables.length ? fields.deliverables : [emptyDeliverable()];
  return {
    ...emptyProposal(),
    ...fields,
    currency: fields.currency || "KES",
    deliverables: deliverables.map((d) => ({ ...emptyDeliverable(), ...d, key: newKey() })),
    message: "",
  };
}

/** The API's reject body, with the reason the workspace asks for made required. */
export const rejectWithReason = rejectProposalBody.pipe(z.object({ reason: z.string().min(1, "Please give a reason.") }));
