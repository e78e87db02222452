/** The request of ending a partnership (POST /partnerships/{id}/terminate); it answers the partnership. */
import { z } from "zod";

export const terminatePartnershipBody = z.strictObject({
  reason: z.string().trim().min(1, "is required").max(2000),
});
export type TerminatePartnershipBody = z.output<typeof terminatePartnershipBody>;
