/**
 * Route wrapper for the /api/v1 (partner dashboard) flavour: errors are answered as
 * `{"detail": ...}` as the partner API specifies, invalid input as 422 with one
 * `{loc, msg, type}` entry per failing field.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "../errors";
import { errorHeaders, routeFor } from "./route-pipeline";
import { parseInput, readJson } from "./validation";

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const detail = error.details?.fields
      ? error.details.fields.map((field) => ({ loc: field.path.split("."), msg: field.message, type: field.type }))
      : error.message;
    return NextResponse.json({ detail }, { status: error.status, headers: errorHeaders(error) });
  }
  console.error(error);
  return NextResponse.json({ detail: "Internal server error" }, { status: 500 });
}

export const v1Route = routeFor({
  invalidInput: "validation_failed",
  renderError: errorResponse,
  roleMessage: (roles) => `Role '${roles.join("' or '")}' required`,
  notAuthenticatedMessage: "Not authenticated",
});

/** For public routes (the token endpoint): parsing and error mapping without authentication. */
export function publicV1Route<BodySchema extends z.ZodType>(
  options: { body: BodySchema },
  handler: (context: { request: NextRequest; body: z.output<BodySchema> }) => Promise<Response>,
) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const body = parseInput(options.body, await readJson(request), { location: "body" });
      return await handler({ request, body });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
