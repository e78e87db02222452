/**
 * Request and response schemas of the deliverable endpoints
 * (../shared/spec/partnerships-api.md, "Deliverables"). Fields are camelCase as the spec
 * writes them; timestamps are ISO 8601 strings, null where absent.
 */
import { z } from "zod";
import { DeliverableStatus } from "../../generated/prisma/enums";
import { isoTimestamp } from "../../schemas/dates";
import { uuid } from "../../schemas/ids";

/** Only https links are accepted: submissions are opened by the brand in a browser. */
const httpsUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be an https URL");

export const submitDeliverableBody = z.strictObject({
  submissionUrl: httpsUrl,
  notes: z.string().trim().max(5000).optional(),
});
export type SubmitDeliverableBody = z.output<typeof submitDeliverableBody>;

export const approveDeliverableBody = z
  .strictObject({ feedback: z.string().trim().max(5000).optional() })
  .optional()
  .transform((body) => body ?? {});
export type ApproveDeliverableBody = z.output<typeof approveDeliverableBody>;

export const requestRevisionBody = z.strictObject({
  feedback: z.string().trim().min(1, "is required").max(5000),
});
export type RequestRevisionBody = z.output<typeof requestRevisionBody>;

export const deliverableItem = z.strictObject({
  id: uuid,
  partnershipId: uuid,
  type: z.string(),
  description: z.string(),
  dueDate: isoTimestamp,
  requirements: z.string().nullable(),
  status: z.enum(DeliverableStatus),
  submissionUrl: z.string().nullable(),
  feedback: z.string().nullable(),
  submittedAt: isoTimestamp.nullable(),
  approvedAt: isoTimestamp.nullable(),
  /** While submitted: when it is approved automatically unless the brand reviews it first. */
  reviewDeadlineAt: isoTimestamp.nullable(),
  /** Approved because the review window passed without the brand's review. */
  autoApproved: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type DeliverableItem = z.infer<typeof deliverableItem>;

export const deliverableList = z.strictObject({ deliverables: z.array(deliverableItem) });
export type DeliverableList = z.infer<typeof deliverableList>;

/** The app's submission form: a link is optional there, because files can be attached instead. */
export const submitVersionFields = z.strictObject({
  submissionUrl: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), httpsUrl.optional()),
  notes: z.string().trim().max(5000).optional(),
});
export type SubmitVersionFields = z.output<typeof submitVersionFields>;

export const deliverableCommentBody = z.strictObject({
  body: z.string().trim().min(1, "is required").max(5000),
});
export type DeliverableCommentBody = z.output<typeof deliverableCommentBody>;

export const reviewFile = z.strictObject({
  id: uuid,
  fileName: z.string(),
  /** Read from the file's bytes when it was uploaded. */
  contentType: z.string(),
  byteSize: z.number().int(),
  downloadUrl: z.string(),
});

export const deliverableVersion = z.strictObject({
  id: uuid,
  number: z.number().int().min(1),
  link: z.string().nullable(),
  notes: z.string().nullable(),
  submittedAt: isoTimestamp,
  submittedBy: z.string(),
  /** The brand's answer; null while it awaits one (or for a rejected deliverable). */
  outcome: z.enum(["approved", "changes_requested"]).nullable(),
  feedback: z.string().nullable(),
  reviewedAt: isoTimestamp.nullable(),
  /** Null when nobody answered it, or the review window approved it. */
  reviewedBy: z.string().nullable(),
  files: z.array(reviewFile),
});
export type DeliverableVersionItem = z.infer<typeof deliverableVersion>;

export const deliverableComment = z.strictObject({
  id: uuid,
  body: z.string(),
  createdAt: isoTimestamp,
  author: z.string(),
  side: z.enum(["creator", "brand"]),
  /** The version current when the comment was written; null before the first submission. */
  versionNumber: z.number().int().nullable(),
});
export type DeliverableCommentItem = z.infer<typeof deliverableComment>;

export const deliverableVersionList = z.strictObject({ versions: z.array(deliverableVersion) });
export const deliverableCommentList = z.strictObject({ comments: z.array(deliverableComment) });
