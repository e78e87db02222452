/**
 * Amounts as the APIs take them: major units of their currency, positive and at most
 * MAX_AMOUNT so that totals stay exact. They are stored as integer minor units.
 */
import { z } from "zod";
import { MAX_AMOUNT } from "../api/bounds";
import { toMinor } from "../money";

/** The partner API's amounts: whole units of the currency. */
export const wholeAmount = z.number().int().positive().max(MAX_AMOUNT);

/** The partnerships API's amounts: at most two decimals. */
export const decimalAmount = z
  .number()
  .positive()
  .max(MAX_AMOUNT)
  .refine((value) => {
    try {
      toMinor(value);
      return true;
    } catch {
      return false;
    }
  }, "must have at most two decimal places");
