/**
 * Idempotency-Key support for POST requests. The first request with a key reserves it
 * (a unique row per user and key); its response is stored and replayed for repeats of
 * the same request. A repeat with a different method, path or body is refused, and a
 * repeat that arrives while the first is still running is told to retry later.
 * Records live in the database so that every app instance honours them.
 */
import crypto from "node:crypto";
import { getDb, Prisma } from "../db";
import { AppError } from "../errors";

// A reservation whose request never finished (the process died) is released after this.
const STALE_RESERVATION_MS = 5 * 60_000;
const MAX_KEY_LENGTH = 255;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestFingerprint(method: string, path: string, body: string): string {
  return crypto.createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

/**
 * Runs `execute` at most once per (user, key). Returns the response to send and
 * whether it is a replay.
 */
export async function withIdempotency(
  options: { userId: string; key: string | null; method: string; path: string; body: string },
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { userId, key, method, path } = options;
  if (key === null) return { ...(await execute()), replayed: false };
  if (!key.trim() || key.length > MAX_KEY_LENGTH) {
    throw new AppError("invalid_request", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);
  }
  const requestHash = requestFingerprint(method, path, options.body);
  const db = getDb();

  const reserved = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO idempotency_records (id, user_id, key, method, path, request_hash)
    VALUES (${crypto.randomUUID()}::uuid, ${userId}::uuid, ${key}, ${method}, ${path}, ${requestHash})
    ON CONFLICT (user_id, key) DO NOTHING
    RETURNING id`;

  if (reserved.length === 0) {
    const existing = await db.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
    if (!existing) return withIdempotency(options, execute); // released meanwhile: try again
    if (existing.requestHash !== requestHash) {
      throw new AppError("idempotency_mismatch", "This Idempotency-Key was already used for a different request");
    }
    if (existing.responseStatus === null) {
      if (Date.now() - existing.createdAt.getTime() > STALE_RESERVATION_MS) {
        await db.idempotencyRecord.deleteMany({ where: { id: existing.id, responseStatus: null } });
        return withIdempotency(options, execute);
      }
      throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry shortly");
    }
    return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
  }

  const id = reserved[0].id;
  let response: StoredResponse;
  try {
    response = await execute();
  } catch (error) {
    // Errors the client can correct are remembered like any response; others free the key for a retry.
    if (error instanceof AppError && error.status < 500) {
      response = { status: error.status, body: { __error: { code: error.code, message: error.message, details: error.details ?? null } } };
      await db.idempotencyRecord.update({
        where: { id },
        data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
      });
    } else {
      await db.idempotencyRecord.delete({ where: { id } });
    }
    throw error;
  }
  await db.idempotencyRecord.update({
    where: { id },
    data: { responseStatus: response.status, responseBody: (response.body ?? Prisma.JsonNull) as Prisma.InputJsonValue },
  });
  return { ...response, replayed: false };
}

/** Rebuilds the error a stored failure response carried, so a replay answers it the same way. */
export function storedError(body: unknown): AppError | null {
  const stored = (body as { __error?: { code: AppError["code"]; message: string; details: AppError["details"] | null } } | null)?.__error;
  return stored ? new AppError(stored.code, stored.message, stored.details ?? undefined) : null;
}
