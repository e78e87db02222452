/**
 * Request and response schemas of the deliverable endpoints
 * (../shared/spec/partnerships-api.md, "Deliverables"). Fields are camelCase as the spec
 * writes them; timestamps are ISO 8601 strings, null where absent.
 */
import { z } from "zod";

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

const isoDateTime = z.iso.datetime({ offset: true });

export const deliverableItem = z.strictObject({
  id: z.uuid(),
  partnershipId: z.uuid(),
  type: z.string(),
  description: z.string(),
  dueDate: isoDateTime,
  requirements: z.string().nullable(),
  status: z.enum(["pending", "in_progress", "submitted", "approved", "rejected"]),
  submissionUrl: z.string().nullable(),
  feedback: z.string().nullable(),
  submittedAt: isoDateTime.nullable(),
  approvedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type DeliverableItem = z.infer<typeof deliverableItem>;

export const deliverableList = z.strictObject({ deliverables: z.array(deliverableItem) });
export type DeliverableList = z.infer<typeof deliverableList>;
