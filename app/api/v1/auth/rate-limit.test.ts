import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/v1/auth/me/route";
import { browserHeaders, call, sessionCookieFor, tokenFor } from "@/tests/helpers/http";
import { getDb } from "@/lib/db";
import { enforceRateLimit } from "@/lib/api/rate-limit";

beforeEach(() => {
  // Only the clock is fake: every request of a test falls in one minute window.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-06-01T10:00:05Z"));
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.RATE_LIMIT_PER_MINUTE;
});

describe("rate limit", () => {
  it("counts every token and the session of one user together, and answers 429 with Retry-After past the limit", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "5";
    const [first, second, other] = await Promise.all([
      tokenFor("brand@demo.test"),
      tokenFor("brand@demo.test"),
      tokenFor("brand2@demo.test"),
    ]);
    const { cookie } = await sessionCookieFor("brand@demo.test");
    const statuses = [];
    for (const credentials of [
      { token: first },
      { token: second },
      { headers: browserHeaders(cookie) },
      { token: first },
      { token: second },
      { token: first },
      { headers: browserHeaders(cookie) },
    ]) {
      statuses.push((await call(me, "/api/v1/auth/me", credentials)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(me, "/api/v1/auth/me", { token: second });
    expect(limited.body.detail).toBe("Rate limit exceeded. Retry after 55 seconds.");
    expect(limited.headers.get("retry-after")).toBe("55");
    // Another user has their own allowance.
    expect((await call(me, "/api/v1/auth/me", { token: other })).status).toBe(200);
  });

  it("counts in the database, so concurrent requests (as from several instances) share one counter", async () => {
    const now = new Date("2026-01-01T10:00:30Z");
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => enforceRateLimit("test:shared", { limit: 10, now })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const [row] = await getDb().rateLimitWindow.findMany({ where: { key: "test:shared" } });
    expect(row.count).toBe(25);
    // The next window starts afresh.
    await expect(enforceRateLimit("test:shared", { limit: 10, now: new Date("2026-01-01T10:01:00Z") })).resolves.toBeUndefined();
  });
});
