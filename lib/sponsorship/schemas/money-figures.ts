/** The partner's money in three figures, as the dashboard and impact answers show it. */
import { z } from "zod";

export const moneyFigures = z
  .object({
    currency: z.string().describe("The partner's reporting currency"),
    paid_in: z.number().describe("Completed payments in the period, each converted at the rate recorded when it settled"),
    disbursed_to_sponsorships: z
      .number()
      .describe(
        "The part of the money paid in that was disbursed to sponsorships in the period: money for a sponsorship's monthly period counts when that period starts, never before",
      ),
    committed: z.number().describe("The amounts of the partner's sponsorships (not cancelled) whose dates overlap the period"),
    not_converted: z
      .array(z.object({ figure: z.enum(["paid_in", "disbursed_to_sponsorships", "committed"]), currency: z.string(), amount: z.number() }))
      .describe("Money in another currency with no recorded rate: never converted by guesswork, listed here instead of in the totals"),
  })
  .describe("The partner's money in three figures, each in the reporting currency");
