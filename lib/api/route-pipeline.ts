/**
 * The request pipeline both API flavours share: authenticate (bearer token or session),
 * count against the caller's rate limit, refuse cross-site writes made with the browser's
 * cookie, check the role, parse query and body with zod (the body read against its size
 * limit and only as JSON), honour Idempotency-Key on POST, render any error in the
 * flavour's own shape, and record every change an authenticated caller asked for in the
 * audit log, answered or refused.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { Role } from "../generated/prisma/client";
import { authenticateRequest, type Actor, type Credential } from "../auth/actor";
import { AppError, type ErrorCode } from "../errors";
import { readJsonBodyText } from "../http/body";
import { publicOriginOf } from "../http/public-origin";
import { storedError, withIdempotency } from "./idempotency";
import { canonicalQuery } from "./query-params";
import { requirePermission, type Permission } from "../organizations/permissions";
import { apiKeyKey, enforceRateLimit, userKey } from "./rate-limit";
import { requireScope } from "../api-keys/scopes";
import { auditApiRequest, isAuditedMethod } from "../audit/audit-api-request";
import { parseInput, parseJsonText } from "./validation";

export type RouteParams = Record<string, string | string[]>;

export interface RouteContext<Body, Query> {
  request: NextRequest;
  actor: Actor;
  body: Body;
  query: Query;
  params: RouteParams;
}

export interface RouteOptions<BodySchema extends z.ZodType | undefined, QuerySchema extends z.ZodType | undefined> {
  /** Roles allowed to call the route; any signed-in user when omitted. */
  roles?: Role[];
  /**
   * What the caller's role in their organisation must allow (lib/organizations/permissions.ts),
   * checked before the input is read, so a refusal never depends on the body. The service
   * checks it again: it is the rule, this is the early answer.
   */
  permission?: Permission;
  body?: BodySchema;
  query?: QuerySchema;
}

export type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Flavour {
  /** Error code for input that fails validation (422 in one API, 400 in the other). */
  invalidInput: ErrorCode;
  renderError(error: unknown): NextResponse;
  roleMessage(roles: Role[]): string;
  notAuthenticatedMessage: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write made with the browser's session cookie must come from our own pages: the
 * browser's Origin (or, without one, Sec-Fetch-Site) says where the request was made.
 * Bearer tokens are not sent by browsers on their own, so they need no such check.
 */
export function requireSameOrigin(request: Request, credential: Credential): void {
  if (credential !== "session" || SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const sameOrigin = origin !== null ? origin === publicOriginOf(request) : request.headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) {
    throw new AppError(
      "cross_origin_request",
      "Cross-origin requests with the session cookie are refused; call the API with a bearer token",
    );
  }
}

/** What the audit row of a request needs from inside the pipeline. */
interface Seen {
  actor?: Actor;
  params: RouteParams;
  thrown?: unknown;
}

export function routeFor(flavour: Flavour) {
  return function route<BodySchema extends z.ZodType | undefined = undefined, QuerySchema extends z.ZodType | undefined = undefined>(
    options: RouteOptions<BodySchema, QuerySchema>,
    handler: (context: RouteContext<Out<BodySchema>, Out<QuerySchema>>) => Promise<Response>,
  ) {
    /** Answers the request; `seen` learns the caller and the parameters as soon as they are known, for the audit log. */
    async function serve(request: NextRequest, context: { params: Promise<RouteParams> }, seen: Seen): Promise<Response> {
      try {
        const params = (seen.params = (await context?.params) ?? {});
        const caller = await authenticateRequest(request);
        if (!caller) throw new AppError("authentication_required", flavour.notAuthenticatedMessage);
        const actor = (seen.actor = caller.actor);
        // A key has its own allowance, apart from the person's own requests.
        await enforceRateLimit(actor.apiKey ? apiKeyKey(actor.apiKey.id) : userKey(actor.id));
        if (actor.apiKey) requireScope(actor.apiKey.scopes, request.method, request.nextUrl.pathname);
        requireSameOrigin(request, caller.credential);
        if (options.roles && !options.roles.includes(actor.role)) {
          throw new AppError("insufficient_permissions", flavour.roleMessage(options.roles));
        }
        if (options.permission) requirePermission(actor, options.permission);
        const location = { code: flavour.invalidInput };
        const query = options.query
          ? parseInput(options.query, canonicalQuery(options.query, Object.fromEntries(request.nextUrl.searchParams)), {
              ...location,
              location: "query",
            })
          : undefined;
        const rawBody = await readJsonBodyText(request);
        const run = async () => {
          const body = options.body
            ? parseInput(options.body, parseJsonText(rawBody, flavour.invalidInput), { ...location, location: "body" })
            : undefined;
          return handler({ request, actor, body: body as Out<BodySchema>, query: query as Out<QuerySchema>, params });
        };
        if (request.method !== "POST") return await run();

        const result = await withIdempotency(
          {
            userId: actor.id,
            key: request.headers.get("idempotency-key"),
            method: request.method,
            path: request.nextUrl.pathname + request.nextUrl.search,
            body: rawBody,
          },
          async () => {
            const response = await run();
            return { status: response.status, body: await response.json() };
          },
        );
        const replayedError = storedError(result.body);
        if (replayedError) throw replayedError;
        return NextResponse.json(result.body, {
          status: result.status,
          headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
        });
      } catch (error) {
        seen.thrown = error;
        return flavour.renderError(error);
      }
    }

    return async (request: NextRequest, context: { params: Promise<RouteParams> }): Promise<Response> => {
      const seen: Seen = { params: {} };
      const response = await serve(request, context, seen);
      if (seen.actor && isAuditedMethod(request.method)) {
        await auditApiRequest({ request, actor: seen.actor, params: seen.params, response, thrown: seen.thrown });
      }
      return response;
    };
  };
}
