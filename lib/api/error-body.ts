/**
 * The two APIs' error shapes, as plain status + body, so that the route pipelines and
 * the server in front of the app (which refuses some requests before any route runs)
 * answer in exactly the same form.
 */
import { AppError, type ErrorCode } from "../errors";

export type ApiFlavour = "v1" | "partnerships";

export interface ErrorBody {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Headers every error response carries, whatever its body shape. */
export function errorHeaders(error: AppError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (error.code === "authentication_required") headers["WWW-Authenticate"] = 'Bearer realm="harambee"';
  if (error.details?.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.details.retryAfterSeconds);
  return headers;
}

/** `{"detail": "..."}`, or for invalid input one `{loc, msg, type}` per failing field. */
export function v1ErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    const detail = error.details?.fields
      ? error.details.fields.map((field) => ({ loc: field.path.split("."), msg: field.message, type: field.type }))
      : error.message;
    return { status: error.status, body: { detail }, headers: errorHeaders(error) };
  }
  console.error(error);
  return { status: 500, body: { detail: "Internal server error" }, headers: {} };
}

/** The spec's codes for our internal ones where they differ. */
const SPEC_CODE: Partial<Record<ErrorCode, string>> = {
  validation_failed: "invalid_request",
  idempotency_mismatch: "invalid_request",
};

/** `{"error": {"code", "message", "details"}}` with the partnerships spec's codes. */
export function partnershipsErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    const code = SPEC_CODE[error.code] ?? error.code;
    const status = code === "invalid_request" ? 400 : error.status;
    // Retry-After travels as a header; everything else the error knows goes in details.
    const details = Object.fromEntries(Object.entries(error.details ?? {}).filter(([key]) => key !== "retryAfterSeconds"));
    return { status, body: { error: { code, message: error.message, details } }, headers: errorHeaders(error) };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "internal_server_error", message: "Unexpected server error", details: {} } }, headers: {} };
}

/** Which API a path belongs to, for errors raised before a route runs (null: not an API path). */
export function flavourOfPath(pathname: string): ApiFlavour | null {
  if (pathname.startsWith("/api/partnerships") || pathname.startsWith("/api/webhooks/")) return "partnerships";
  if (pathname.startsWith("/api/")) return "v1";
  return null;
}

export function errorBodyFor(flavour: ApiFlavour, error: unknown): ErrorBody {
  return flavour === "v1" ? v1ErrorBody(error) : partnershipsErrorBody(error);
}
