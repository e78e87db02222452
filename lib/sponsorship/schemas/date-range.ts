/** The optional `start_date`/`end_date` range that reports and the payment list take. */
import type { z } from "zod";
import { dateParam } from "../../schemas/dates";

export const dateRange = {
  start_date: dateParam.optional(),
  end_date: dateParam.optional(),
};

/** A superRefine check: the range must not end before it starts. */
export function checkDateRange(body: { start_date?: Date; end_date?: Date }, ctx: z.RefinementCtx) {
  if (body.start_date && body.end_date && body.end_date < body.start_date) {
    ctx.addIssue({ code: "custom", path: ["end_date"], message: "must not be before start_date" });
  }
}
