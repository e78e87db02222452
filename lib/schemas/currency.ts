/** Currencies: the codes both APIs accept, and the ones the forms offer. */
import { z } from "zod";

/**
 * The currencies the forms offer, in the order they list them. The APIs accept any
 * ISO 4217 code; these are the ones partners and brands use.
 */
export const OFFERED_CURRENCIES = [
  { code: "KES", name: "Kenyan shilling" },
  { code: "USD", name: "US dollar" },
  { code: "EUR", name: "Euro" },
  { code: "GBP", name: "Pound sterling" },
] as const;

/** A 3-letter ISO 4217 code in any case, answered in capitals. */
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 code")
  .transform((value) => value.toUpperCase());
