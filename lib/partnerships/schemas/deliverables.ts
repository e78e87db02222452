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
