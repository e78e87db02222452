/** The audit row of a change asked for through either API, written once its answer is decided. */
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { routeTemplate, type AuditTarget } from "./audit-targets";
import { clientOf, recordAuditEvent } from "./record-audit-event";

/** Only changes are audited; reads would drown them. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isAuditedMethod = (method: string) => !READ_METHODS.has(method.toUpperCase());

/**
 * The refusal in the words the caller was given: read from the rendered error body
 * (`{"detail": ...}` or `{"error": {"message"}}`), else the thrown error's message.
 */
export async function apiErrorMessage(response: Response, thrown: unknown): Promise<string | null> {
  if (response.status < 400) return null;
  if (response.headers.get("content-type")?.includes("json")) {
    try {
      const body = (await response.clone().json()) as { detail?: unknown; error?: { message?: unknown } };
      if (typeof body.detail === "string") return body.detail;
      if (Array.isArray(body.detail)) {
        return body.detail
          .map((issue: { loc?: unknown; msg?: unknown }) => `${Array.isArray(issue.loc) ? issue.loc.join(".") : ""}: ${String(issue.msg)}`)
          .join("; ");
      }
      if (typeof body.error?.message === "string") return body.error.message;
    } catch {
      // Not the JSON it claimed to be: fall back to the error itself.
    }
  }
  if (thrown instanceof AppError) return thrown.message;
  return `HTTP ${response.status}`;
}

export async function auditApiRequest(options: {
  request: Request & { nextUrl: URL };
  actor: Actor;
  params: AuditTarget;
  response: Response;
  thrown?: unknown;
}): Promise<void> {
  const { request, actor, params, response } = options;
  const method = request.method.toUpperCase();
  await recordAuditEvent({
    actor,
    channel: "api",
    action: `${method} ${routeTemplate(request.nextUrl.pathname, params)}`,
    target: params,
    status: response.status,
    error: await apiErrorMessage(response, options.thrown),
    client: clientOf(request),
  });
}
