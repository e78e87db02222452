import { z } from "zod";

/** Settling unapplied money: what was done with it, in the admin's words. */
export const resolveUnappliedMoneyBody = z.object({
  note: z.string().trim().min(3, "Say what was done with the money").max(500, "At most 500 characters"),
});
