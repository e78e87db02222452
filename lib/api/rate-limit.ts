/**
 * Request limits in fixed windows. Counters live in the database, so every app instance
 * behind a load balancer counts against the same limit; one upsert both counts an event
 * and reads the total, so concurrent requests can never all slip under a limit.
 *
 * - Signed-in callers are counted per user: every token and the browser session of one
 *   user share one allowance, API calls and server actions alike.
 * - Unauthenticated routes (token issuance, provider callbacks) are counted per client
 *   address.
 */
import crypto from "node:crypto";
import { getDb, plainRows, Prisma } from "../db";
import { AppError } from "../errors";

export const MINUTE_MS = 60_000;

function configured(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** API requests (and server actions) allowed per user, or per client address unauthenticated, per minute. */
export function rateLimitPerMinute(): number {
  return configured("RATE_LIMIT_PER_MINUTE", 120);
}

export const hashed = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

export const userKey = (userId: string) => `user:${userId}`;
export const apiKeyKey = (apiKeyId: string) => `api_key:${apiKeyId}`;
export const addressKey = (address: string) => `address:${hashed(address)}`;

interface Window {
  start: Date;
  retryAfterSeconds: number;
}

export function windowOf(now: Date, windowMs: number): Window {
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000)) };
}

/** Windows of different lengths for one key are counted apart. */
const windowKey = (key: string, windowMs: number) => (windowMs === MINUTE_MS ? key : `${key}@${windowMs / 1000}s`);

/** Adds `by` (1, or -1 to give a reserved event back) to `key`'s current window and returns the window's total. */
export async function countInWindow(key: string, options: { windowMs?: number; now?: Date; by?: number } = {}): Promise<number> {
  const windowMs = options.windowMs ?? MINUTE_MS;
  const now = options.now ?? new Date();
  const { start } = windowOf(now, windowMs);
  const by = options.by ?? 1;
  const [row] = await plainRows<{ count: number }>(Prisma.sql`
    INSERT INTO rate_limit_windows (key, window_start, count) VALUES (${windowKey(key, windowMs)}, ${start}, ${Math.max(by, 0)})
    ON CONFLICT (key, window_start) DO UPDATE SET count = GREATEST(rate_limit_windows.count + ${by}, 0)
    RETURNING count`);
  // Now and then, drop windows that can no longer matter (the longest window is a day).
  if (Math.random() < 0.01) {
    await getDb().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * 24 * 60 * MINUTE_MS) } } });
  }
  return row.count;
}

/** The current total of `key`'s window, without counting. */
export async function readWindow(key: string, options: { windowMs?: number; now?: Date } = {}): Promise<number> {
  const windowMs = options.windowMs ?? MINUTE_MS;
  const { start } = windowOf(options.now ?? new Date(), windowMs);
  const row = await getDb().rateLimitWindow.findUnique({
    where: { key_windowStart: { key: windowKey(key, windowMs), windowStart: start } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

export function rateLimited(
  retryAfterSeconds: number,
  message = `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.`,
): AppError {
  return new AppError("rate_limited", message, { retryAfterSeconds });
}

/**
 * Counts one event under `key`; throws 429 with the seconds until the window resets when
 * the window's total is over `limit` (the API limit per minute by default).
 */
export async function enforceRateLimit(
  key: string,
  options: { limit?: number; windowMs?: number; now?: Date; message?: (retryAfterSeconds: number) => string } = {},
): Promise<void> {
  const windowMs = options.windowMs ?? MINUTE_MS;
  const now = options.now ?? new Date();
  const limit = options.limit ?? rateLimitPerMinute();
  if ((await countInWindow(key, { windowMs, now })) > limit) {
    const { retryAfterSeconds } = windowOf(now, windowMs);
    throw rateLimited(retryAfterSeconds, options.message?.(retryAfterSeconds));
  }
}
