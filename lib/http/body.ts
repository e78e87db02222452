/**
 * Request bodies are read against a limit while they arrive: a declared Content-Length
 * over it is refused before reading, and a body without one stops being read at the
 * limit, so no request can make the process hold more than the limit.
 */
import { AppError } from "../errors";

const KIB = 1024;
const MIB = 1024 * KIB;

/** The documented body limits, in bytes. */
export const BODY_LIMITS = {
  /** JSON bodies of both APIs. */
  json: 1 * MIB,
  /** Stripe's webhook events. */
  stripeWebhook: 1 * MIB,
  /** Safaricom's M-Pesa result callbacks, which are a few hundred bytes. */
  mpesaCallback: 64 * KIB,
  /** Sign-in and sign-out forms. */
  authForm: 64 * KIB,
  /** Pages and their server actions (Next.js refuses server action bodies over 1 MB itself). */
  page: 1 * MIB,
} as const;

export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `Request body exceeds the limit of ${formatBytes(limit)}`, { limitBytes: limit });
}

export function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${bytes / MIB} MiB` : `${bytes / KIB} KiB`;
}

/** The body's bytes, or a 413 AppError as soon as they are known to exceed `limit` bytes. */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, or a 413 AppError as soon as it is known to exceed `limit` bytes. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const isJson = (contentType: string | null) => contentType !== null && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType.trim());

function unsupportedMediaType(): AppError {
  return new AppError("unsupported_media_type", "Request bodies must be JSON, sent with Content-Type: application/json");
}

/** Reads a request's body within `limit`; a body that is not declared as JSON is refused with 415. */
export async function readJsonBodyText(request: Request, limit: number = BODY_LIMITS.json): Promise<string> {
  if (SAFE_METHODS.has(request.method)) return "";
  const contentType = request.headers.get("content-type");
  if (contentType !== null && !isJson(contentType)) throw unsupportedMediaType();
  const text = await readBodyText(request, limit);
  if (text.length > 0 && !isJson(contentType)) throw unsupportedMediaType();
  return text;
}
