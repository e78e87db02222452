/** Request and response of GET/PUT /api/partnerships/payout-method. */
import { z } from "zod";
import { PayoutMethod } from "../../generated/prisma/enums";

export const payoutMethodBody = z.strictObject({
  method: z.enum(PayoutMethod),
  /** The country of the payout account, ISO 3166-1 alpha-2. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code")
    .transform((value) => value.toUpperCase()),
  mpesaPhone: z.string().trim().max(20).optional(),
  stripeAccountId: z
    .string()
    .trim()
    .regex(/^acct_[A-Za-z0-9]{6,64}$/, "must be a Stripe connected account id (acct_…)")
    .optional(),
});
export type PayoutMethodBody = z.output<typeof payoutMethodBody>;

export const payoutMethodResponse = z.strictObject({
  method: z.enum(PayoutMethod).nullable(),
  country: z.string().nullable(),
  /** The M-Pesa number as +2547XXXXXXXX. */
  mpesaPhone: z.string().nullable(),
  stripeAccountId: z.string().nullable(),
});
export type PayoutMethodResponse = z.infer<typeof payoutMethodResponse>;
