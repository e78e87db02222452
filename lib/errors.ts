/**
 * The one error type services throw. Each code has one HTTP status; each API flavour
 * renders it in its own shape (`{"detail": ...}` or `{"error": {...}}`).
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  validation_failed: 422,
  authentication_required: 401,
  insufficient_permissions: 403,
  cross_origin_request: 403,
  resource_not_found: 404,
  conflict: 409,
  invalid_state: 409,
  idempotency_mismatch: 422,
  gone: 410,
  length_required: 411,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_server_error: 500,
  payment_provider_unavailable: 502,
  payment_provider_error: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One failing input field: `path` names it the way the client sent it. */
export interface FieldIssue {
  path: string;
  message: string;
  type: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[]; retryAfterSeconds?: number } & Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("resource_not_found", `${what} not found`);
