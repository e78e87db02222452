/**
 * Route wrapper for the partnerships API: errors are answered as
 * `{"error": {"code", "message", "details"}}` with the spec's codes; invalid input is
 * 400 `invalid_request` with the failing fields in `details.fields`.
 */
import { NextResponse } from "next/server";
import { AppError, type ErrorCode } from "../errors";
import { errorHeaders, routeFor } from "./route-pipeline";

/** The spec's codes for our internal ones where they differ. */
const SPEC_CODE: Partial<Record<ErrorCode, string>> = {
  validation_failed: "invalid_request",
  idempotency_mismatch: "invalid_request",
  conflict: "invalid_state",
};

export function partnershipsErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const code = SPEC_CODE[error.code] ?? error.code;
    const status = code === "invalid_request" ? 400 : error.status;
    // Retry-After travels as a header; everything else the error knows goes in details.
    const details = Object.fromEntries(Object.entries(error.details ?? {}).filter(([key]) => key !== "retryAfterSeconds"));
    return NextResponse.json(
      { error: { code, message: error.message, details } },
      { status, headers: errorHeaders(error) },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "internal_server_error", message: "Unexpected server error", details: {} } },
    { status: 500 },
  );
}

export const partnershipsRoute = routeFor({
  invalidInput: "invalid_request",
  renderError: partnershipsErrorResponse,
  roleMessage: () => "Only creators and brands take part in partnerships",
  notAuthenticatedMessage: "Authentication is required for this endpoint",
});
