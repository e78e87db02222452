/** GET/PUT /partner/organization: the details printed on the partner's invoices, receipts and statements. */
import { z } from "zod";

/** A KRA PIN: a letter, nine digits and a letter (P051234567X), in any case; answered in capitals. */
export const KRA_PIN_PATTERN = /^[A-Za-z]\d{9}[A-Za-z]$/;

/** Trimmed text; an empty value clears the field (null). */
const clearable = (max: number) =>
  z
    .union([z.string(), z.null()])
    .transform((value) => (value === null ? null : value.trim() || null))
    .pipe(z.string().max(max, `must be at most ${max} characters`).nullable());

export const organizationDetailsBody = z.object({
  legal_name: clearable(200).optional().describe("The registered name printed on documents; empty or null falls back to the display name"),
  address: clearable(500).optional().describe("Postal and physical address, e.g. P.O. Box 12345-00100, Nairobi"),
  kra_pin: z
    .union([z.string(), z.null()])
    .transform((value) => (value === null ? null : value.trim().toUpperCase() || null))
    .pipe(z.string().regex(KRA_PIN_PATTERN, "must be a KRA PIN: a letter, 9 digits and a letter, e.g. P051234567X").nullable())
    .optional()
    .describe("Kenya Revenue Authority PIN: a letter, 9 digits and a letter (P051234567X); stored in capitals"),
  billing_email: z
    .union([z.string(), z.null()])
    .transform((value) => (value === null ? null : value.trim() || null))
    .pipe(z.email("must be an email address").max(254).nullable())
    .optional()
    .describe("Where invoices and receipts are sent"),
});

export const organizationDetailsResponse = z.object({
  id: z.string().describe("Organisation identifier (UUID)"),
  name: z.string().describe("The organisation's display name"),
  legal_name: z.string().nullable().describe("Registered name printed on documents (the display name when not set)"),
  address: z.string().nullable().describe("Postal and physical address"),
  kra_pin: z.string().nullable().describe("Kenya Revenue Authority PIN, in capitals"),
  billing_email: z.string().nullable().describe("Where invoices and receipts are sent"),
  account_code: z
    .string()
    .describe("Short code naming the organisation's series in invoice and receipt numbers (INV-<code>-<year>-<NNNN>)"),
});
