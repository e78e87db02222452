/**
 * Route wrapper for the /api/v1 (partner dashboard) flavour: authentication, role
 * check, input parsing and error mapping, with errors answered as `{"detail": ...}`
 * as the partner API specifies.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Role } from "../generated/prisma/client";
import { actorFromRequest, type Actor } from "../auth/actor";
import { AppError } from "../errors";
import { storedError, withIdempotency } from "./idempotency";
import { enforceRateLimit, rateLimitKey } from "./rate-limit";
import { parseInput, parseJsonText, readJson } from "./validation";

type RouteParams = Record<string, string | string[]>;

export interface V1Context<Body, Query> {
  request: NextRequest;
  actor: Actor;
  body: Body;
  query: Query;
  params: RouteParams;
}

interface Options<BodySchema extends z.ZodType | undefined, QuerySchema extends z.ZodType | undefined> {
  /** Roles allowed to call the route; any signed-in user when omitted. */
  roles?: Role[];
  body?: BodySchema;
  query?: QuerySchema;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers = new Headers();
    if (error.code === "authentication_required") headers.set("WWW-Authenticate", 'Bearer realm="harambee"');
    if (error.details?.retryAfterSeconds !== undefined) headers.set("Retry-After", String(error.details.retryAfterSeconds));
    // Validation errors list each failing field, FastAPI-style: [{loc, msg, type}].
    const detail = error.details?.fields
      ? error.details.fields.map((field) => ({ loc: field.path.split("."), msg: field.message, type: field.type }))
      : error.message;
    return NextResponse.json({ detail }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ detail: "Internal server error" }, { status: 500 });
}

export function v1Route<BodySchema extends z.ZodType | undefined = undefined, QuerySchema extends z.ZodType | undefined = undefined>(
  options: Options<BodySchema, QuerySchema>,
  handler: (context: V1Context<Out<BodySchema>, Out<QuerySchema>>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<RouteParams> }): Promise<Response> => {
    try {
      const actor = await actorFromRequest(request);
      if (!actor) throw new AppError("authentication_required", "Not authenticated");
      await enforceRateLimit(rateLimitKey(request, actor.id));
      if (options.roles && !options.roles.includes(actor.role)) {
        throw new AppError("insufficient_permissions", `Role '${options.roles.join("' or '")}' required`);
      }
      const query = options.query
        ? parseInput(options.query, Object.fromEntries(request.nextUrl.searchParams), { location: "query" })
        : undefined;
      const params = (await context?.params) ?? {};
      const rawBody = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      const run = async () => {
        const body = options.body ? parseInput(options.body, parseJsonText(rawBody), { location: "body" }) : undefined;
        return handler({ request, actor, body: body as Out<BodySchema>, query: query as Out<QuerySchema>, params });
      };
      if (request.method !== "POST") return await run();

      const result = await withIdempotency(
        { userId: actor.id, key: request.headers.get("idempotency-key"), method: request.method, path: request.nextUrl.pathname + request.nextUrl.search, body: rawBody },
        async () => {
          const response = await run();
          return { status: response.status, body: await response.json() };
        },
      );
      const replayedError = storedError(result.body);
      if (replayedError) throw replayedError;
      return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

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
