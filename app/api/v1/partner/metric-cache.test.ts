import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/v1/admin/payments/[id]/verify/route";
import { GET as impact } from "@/app/api/v1/partner/impact/route";
import { POST as pay } from "@/app/api/v1/partner/payments/route";
import { POST as sponsor } from "@/app/api/v1/partner/sponsorships/route";
import { getDb } from "@/lib/db";
import { cachedMetric, invalidatePartnerMetrics } from "@/lib/sponsorship/metric-cache";
import { call, tokenFor } from "@/tests/helpers/http";

// The cache is off unless configured; these tests turn it on.
beforeEach(() => {
  process.env.METRICS_CACHE_SECONDS = "60";
});

afterEach(() => {
  delete process.env.METRICS_CACHE_SECONDS;
});

describe("cached partner metrics", () => {
  it("are reused between requests and cleared by every write through the partner services", async () => {
    const [partner, admin] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("admin@demo.test")]);
    const reach = async () =>
      (await call(impact, "/api/v1/partner/impact?period=all_time", { token: partner })).body.students_reached as number;
    const before = await reach();
    expect(await getDb().metricCache.count({ where: { key: { startsWith: "impact:" } } })).toBe(1);

    // A change made outside the partner services waits for the cache to expire…
    const student = await getDb().student.findFirstOrThrow({ where: { sponsorships: { none: {} }, programs: { none: {} } } });
    const partnerId = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
    const direct = await getDb().sponsorship.create({
      data: {
        partnerId,
        studentId: student.id,
        type: "partial",
        status: "active",
        amountMinor: 100n,
        startDate: new Date("2026-01-01"),
        endDate: new Date("2027-01-01"),
        activatedAt: new Date("2026-01-01"),
      },
    });
    expect(await reach()).toBe(before);
    // …and is seen at once when caching is off.
    process.env.METRICS_CACHE_SECONDS = "0";
    expect(await reach()).toBe(before + 1);
    process.env.METRICS_CACHE_SECONDS = "60";
    await getDb().sponsorship.delete({ where: { id: direct.id } });

    // A sponsorship funded and verified through the services shows immediately.
    const created = await call(sponsor, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { student_ids: [student.id], type: "partial", amount_per_student: 5000, start_date: "2026-01-01", end_date: "2027-01-01" },
    });
    expect(created.status).toBe(201);
    const payment = await call(pay, "/api/v1/partner/payments", {
      token: partner,
      body: { amount: 5000, method: "bank_transfer", bank_reference: "BT-CACHE-1", sponsorship_ids: created.body.sponsorship_ids },
    });
    expect(payment.status).toBe(201);
    expect(await getDb().metricCache.count({ where: { partnerId } })).toBe(0);
    await reach(); // cached again, still without the pending sponsorship
    const verified = await call(verify, `/api/v1/admin/payments/${payment.body.id}/verify`, {
      token: admin,
      body: { status: "completed" },
      params: { id: payment.body.id },
    });
    expect(verified.status).toBe(200);
    expect(await reach()).toBe(before + 1);
  });

  it("never stores a figure computed before a write that happened while it was computed", async () => {
    const db = getDb();
    const partnerId = (await db.user.findUniqueOrThrow({ where: { email: "partner2@demo.test" } })).organizationId!;
    const key = `race-test:${partnerId}`;
    let finish!: (value: string) => void;
    const slow = cachedMetric(key, partnerId, () => new Promise<string>((resolve) => (finish = resolve)));
    // Let the computation start, then a write to the partner's data commits.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.$transaction((tx) => invalidatePartnerMetrics(tx, partnerId));
    // A request after the write does not join the computation that began before it.
    const fresh = cachedMetric(key, partnerId, async () => "after the write");
    finish("before the write");
    expect(await slow).toBe("before the write");
    expect(await fresh).toBe("after the write");
    expect((await db.metricCache.findUniqueOrThrow({ where: { key } })).value).toBe("after the write");

    // Without a write in between, the value is stored and reused.
    await db.metricCache.delete({ where: { key } });
    expect(await cachedMetric(key, partnerId, async () => "stored")).toBe("stored");
    expect(await cachedMetric(key, partnerId, async () => "not computed")).toBe("stored");
  });
});
