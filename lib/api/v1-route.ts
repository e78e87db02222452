/**
 * Route wrapper for the /api/v1 (partner dashboard) flavour: errors are answered as
 * `{"detail": ...}` as the partner API specifies, invalid input as 422 with one
 * `{loc, msg, type}` entry per failing field.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { v1ErrorBody } from "./error-body";
import { clientAddressOf } from "../http/client-address";
import { addressKey, enforceRateLimit } from "./rate-limit";
import { routeFor, type Out, type RouteParams } from "./route-pipeline";
import { parseInput, readJson } from "./validation";

export function errorResponse(error: unknown): NextResponse {
  const { status, body, headers } = v1ErrorBody(error);
  return NextResponse.json(body, { status, headers });
}

export const v1Route = routeFor({
  invalidInput: "validation_failed",
  renderError: errorResponse,
  roleMessage: (roles) => `Role '${roles.join("' or '")}' required`,
  notAuthenticatedMessage: "Not authenticated",
});

/**
 * For public routes (the token endpoint, provider callbacks, invitation links): counted per
 * client address, with the body (when the route takes one) read against `bodyLimit` and
 * parsed, without authentication.
 */
export function publicV1Route<BodySchema extends z.ZodType | undefined = undefined>(
  options: {
    body?: BodySchema;
    bodyLimit?: number;
    /** Checks the caller (a shared secret) before the body is read. */ before?: (request: NextRequest) => void;
  },
  handler: (context: { request: NextRequest; body: Out<BodySchema>; clientAddress: string; params: RouteParams }) => Promise<Response>,
) {
  return async (request: NextRequest, context?: { params: Promise<RouteParams> }): Promise<Response> => {
    try {
      const clientAddress = clientAddressOf(request);
      await enforceRateLimit(addressKey(clientAddress));
      options.before?.(request);
      const body = options.body
        ? parseInput(options.body, await readJson(request, { limit: options.bodyLimit }), { location: "body" })
        : undefined;
      const params = (await context?.params) ?? {};
      return await handler({ request, body: body as Out<BodySchema>, clientAddress, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
