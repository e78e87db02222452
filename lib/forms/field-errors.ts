/**
 * Turns zod issues and the API's field issues into one message per form field, keyed by
 * the field's dotted path ("deliverables.0.title"). Safe to import in the browser.
 */
import type { z } from "zod";
import type { FieldIssue } from "../errors";

export type FieldErrors = Record<string, string>;

/** A sentence a person reads next to a field, from a zod issue. */
export function friendlyMessage(issue: z.core.$ZodIssue, value?: unknown): string {
  // A blank field fails whatever its schema says; the reader only needs to know it is missing.
  if (value === "" || (value === undefined && issue.code !== "too_small" && issue.code !== "custom")) return "Required.";
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return "Required.";
  if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1) return "Required.";
  if (issue.code === "too_small" && issue.origin === "array" && Number(issue.minimum) === 1) return "Add at least one.";
  return sentence(issue.message);
}

function sentence(message: string): string {
  const text = message.trim();
  if (!text) return "Invalid value.";
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The first message for each failing field of a zod error; `input` is what was validated. */
export function zodFieldErrors(error: z.ZodError, input?: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= friendlyMessage(issue, issue.path.length > 0 ? valueAt(input, issue.path) : input);
  }
  return errors;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Field issues from an AppError, with the request location ("body.", "query.") removed. */
export function apiFieldErrors(fields: FieldIssue[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields ?? []) {
    const path = field.path.replace(/^(body|query|path)\.?/, "") || "form";
    errors[path] ??= sentence(field.message);
  }
  return errors;
}
