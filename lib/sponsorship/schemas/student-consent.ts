import { z } from "zod";

/** Recording (true) or withdrawing (false) the guardian's full-name consent, with an optional note (where the signed form is kept). */
export const studentConsentBody = z.object({
  consented: z.boolean(),
  note: z.string().trim().max(500, "must be at most 500 characters").optional(),
});
