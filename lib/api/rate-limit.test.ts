import { afterEach, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/auth/me/route";
import { call, tokenFor } from "@/tests/helpers/http";
import { getDb } from "../db";
import { enforceRateLimit } from "./rate-limit";

afterEach(() => {
  delete process.env.RATE_LIMIT_PER_MINUTE;
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a token passes its per-minute limit, counting per token", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "5";
    const [first, second] = await Promise.all([tokenFor("brand@demo.test"), tokenFor("brand2@demo.test")]);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(me, "/api/v1/auth/me", { token: first })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(me, "/api/v1/auth/me", { token: first });
    expect(limited.body.detail).toMatch(/^Rate limit exceeded\. Retry after \d+ seconds\.$/);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another token has its own budget.
    expect((await call(me, "/api/v1/auth/me", { token: second })).status).toBe(200);
  });

  it("counts in the database, so concurrent requests (as from several instances) share one counter", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "10";
    const now = new Date("2026-01-01T10:00:30Z");
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => enforceRateLimit("test:shared", now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const [row] = await getDb().rateLimitWindow.findMany({ where: { key: "test:shared" } });
    expect(row.count).toBe(25);
    // The next window starts afresh.
    await expect(enforceRateLimit("test:shared", new Date("2026-01-01T10:01:00Z"))).resolves.toBeUndefined();
  });
});
