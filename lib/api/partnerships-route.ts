/**
 * Route wrapper for the partnerships API: errors are answered as
 * `{"error": {"code", "message", "details"}}` with the spec's codes; invalid input is
 * 400 `invalid_request` with the failing fields in `details.fields`.
 */
import { NextResponse } from "next/server";
import { partnershipsErrorBody } from "./error-body";
import { routeFor } from "./route-pipeline";

export function partnershipsErrorResponse(error: unknown): NextResponse {
  const { status, body, headers } = partnershipsErrorBody(error);
  return NextResponse.json(body, { status, headers });
}

export const partnershipsRoute = routeFor({
  invalidInput: "invalid_request",
  renderError: partnershipsErrorResponse,
  roleMessage: () => "Only creators and brands take part in partnerships",
  notAuthenticatedMessage: "Authentication is required for this endpoint",
});
