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

/** Counts one request; throws 429 with the seconds until the window resets when over the limit. */
export async function enforceRateLimit(key: string, now = new Date()): Promise<void> {
  const limit = rateLimitPerMinute();
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await getDb().$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit_windows (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count`;
  // Now and then, drop windows that can no longer matter.
  if (Math.random() < 0.01) {
    await getDb().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 10 * WINDOW_MS) } } });
  }
  if (row.count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new AppError("rate_limited", `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}
