/**
 * Dates and timestamps as the two APIs read and write them. They differ on purpose: the
 * partner API takes calendar dates (a timestamp is cut to its day) and documents its
 * timestamps without checking them; the partnerships API takes a date or a timestamp
 * with an offset and answers ISO 8601 timestamps with an offset.
 */
import { z } from "zod";
import { withinYears, YEARS_MESSAGE } from "../api/bounds";

/** A timestamp in a partner API response. */
export const timestampText = z.string().describe("ISO 8601 timestamp");

/** A calendar date in a partner API response. */
export const calendarDateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("Calendar date, YYYY-MM-DD");

/** Partner API input: a calendar date given as YYYY-MM-DD (a full ISO timestamp is accepted and truncated). */
export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, "must be a date in YYYY-MM-DD form")
  .transform((value, ctx) => {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.slice(0, 10)) {
      ctx.addIssue({ code: "custom", message: "is not a valid calendar date", params: { type: "value_error.date" } });
      return z.NEVER;
    }
    if (!withinYears(date)) {
      ctx.addIssue({ code: "custom", message: YEARS_MESSAGE, params: { type: "value_error.date" } });
      return z.NEVER;
    }
    return date;
  });

/** A timestamp in a partnerships API response: ISO 8601 with an offset. */
export const isoTimestamp = z.iso.datetime({ offset: true });

/** Partnerships API input: an ISO 8601 date (YYYY-MM-DD) or timestamp with an offset, as a Date. */
export const isoDateInput = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or timestamp" })
  .transform((value) => new Date(value))
  .refine(withinYears, YEARS_MESSAGE);
