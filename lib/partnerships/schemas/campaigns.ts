/** The campaign form's fields and how a campaign and its spend are shown. */
import { z } from "zod";
import { currencyCode } from "../../schemas/currency";
import { isoDateInput } from "../../schemas/dates";
import { decimalAmount } from "../../schemas/money";

export const createCampaignBody = z
  .strictObject({
    name: z.string().trim().min(1, "is required").max(200),
    description: z.string().trim().max(2000).optional(),
    budget: z.strictObject({ amount: decimalAmount, currency: currencyCode }),
    startDate: isoDateInput.optional(),
    endDate: isoDateInput.optional(),
  })
  .refine((c) => !c.startDate || !c.endDate || c.endDate.getTime() >= c.startDate.getTime(), {
    message: "must not be before the start date",
    path: ["endDate"],
  });
export type CreateCampaignBody = z.output<typeof createCampaignBody>;

/** A campaign's money, in its own currency (major units). */
export interface CampaignSpend {
  budget: number | null;
  /** Compensation of its active and completed partnerships, plus what was released under terminated ones. */
  committed: number;
  /** Sent proposals in the campaign still awaiting an answer. */
  proposed: number;
  /** The escrow balance of its partnerships: paid in by the brand, not yet released. */
  held: number;
  /** Released from escrow to creators. */
  released: number;
  /** Budget less committed; null without a budget. Negative when over budget. */
  remaining: number | null;
  partnerships: number;
  /** Partnerships in another currency, which the figures above leave out. */
  otherCurrencyPartnerships: number;
}

export interface CampaignSummary {
  id: string;
  name: string;
  description: string | null;
  status: "draft" | "active" | "completed";
  currency: string;
  startDate: string | null;
  endDate: string | null;
  spend: CampaignSpend;
}
