/** Turns zod failures into field issues that name what the client sent wrongly. */
import type { z } from "zod";
import { AppError, type ErrorCode, type FieldIssue } from "../errors";
import { readJsonBodyText } from "../http/body";
import { errorType } from "./error-types";

export function fieldIssues(error: z.ZodError, location?: "body" | "query" | "path", input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return {
      path: location ? [location, path].filter(Boolean).join(".") : path,
      message: issue.message,
      type: errorType(issue, valueAt(input, issue.path) === undefined),
    };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Parses `input` with `schema` or throws an AppError naming every failing field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { code?: ErrorCode; location?: "body" | "query" | "path" } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldIssues(result.error, options.location, input);
  const summary = fields.map((field) => `${field.path || "body"}: ${field.message}`).join("; ");
  throw new AppError(options.code ?? "validation_failed", `Invalid input: ${summary}`, { fields });
}

/** Reads a JSON body within `limit`; an empty or malformed body fails like any other invalid input. */
export async function readJson(request: Request, options: { code?: ErrorCode; limit?: number } = {}): Promise<unknown> {
  return parseJsonText(await readJsonBodyText(request, options.limit), options.code);
}

/** Parses a request body's text: undefined when empty, an AppError when malformed. */
export function parseJsonText(text: string, code: ErrorCode = "validation_failed"): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(code, "Request body is not valid JSON", {
      fields: [{ path: "body", message: "Malformed JSON", type: "value_error.jsondecode" }],
    });
  }
}
