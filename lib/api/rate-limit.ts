/**
 * Per-client request limit in fixed one-minute windows. Counters live in the
 * database, so every app instance behind a load balancer counts against the same
 * limit; one upsert both counts the request and reads the total.
 */
import crypto from "node:crypto";
import { getDb } from "../db";
import { AppError } from "../errors";

const WINDOW_MS = 60_000;

export function rateLimitPerMinute(): number {
  const configured = Number(process.env.RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 120;
}

/** The key a request is counted under: its bearer token, or its user for browser sessions. */
export function rateLimitKey(request: Request, userId: string): string {
  const header = request.headers.get("authorization");
  const token = header?.match(/^Bearer\s+(\S+)/i)?.[1];
  return token ? `token:${crypto.createHash("sha256").update(token).digest("hex")}` : `user:${userId}`;
}

function windowOf(now: Date): { start: Date; retryAfterSeconds: number } {
  const start = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000)) };
}

/** Counts one event under `key` in the current window and returns the window's total. */
async function countEvent(key: string, now: Date): Promise<number> {
  const { start } = windowOf(now);
  const [row] = await getDb().$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit_windows (key, window_start, count) VALUES (${key}, ${start}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  // Now and then, drop windows that can no longer matter.
  if (Math.random() < 0.01) {
    await getDb().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 10 * WINDOW_MS) } } });
  }
  return row.count;
}

function limited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

/** Counts one request; throws 429 with the seconds until the window resets when over the limit. */
export async function enforceRateLimit(key: string, now = new Date()): Promise<void> {
  if ((await countEvent(key, now)) > rateLimitPerMinute()) throw limited(windowOf(now).retryAfterSeconds);
}

/** Failed sign-ins allowed per email address per minute before further attempts are refused. */
export function signInFailuresPerMinute(): number {
  const configured = Number(process.env.SIGNIN_FAILURES_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

const signInKey = (email: string) => `signin-failures:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

/** Refuses a sign-in attempt (429) while its email address has too many recent failures. */
export async function checkSignInAllowed(email: string, now = new Date()): Promise<void> {
  const { start, retryAfterSeconds } = windowOf(now);
  const row = await getDb().rateLimitWindow.findUnique({ where: { key_windowStart: { key: signInKey(email), windowStart: start } } });
  if (row && row.count >= signInFailuresPerMinute()) throw limited(retryAfterSeconds);
}

export async function recordSignInFailure(email: string, now = new Date()): Promise<void> {
  await countEvent(signInKey(email), now);
}
