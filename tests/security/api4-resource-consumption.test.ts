/**
 * OWASP API4 (unrestricted resource consumption). Probes that once got through: a
 * 300 MB body read whole, even unauthenticated; a fresh allowance per token; unlimited
 * token issuance; unlimited report generation; numbers so large that a sum overflowed
 * and the partner's payments list answered 500 for good.
 */
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/v1/auth/me/route";
import { POST as issueToken } from "@/app/api/v1/auth/token/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { GET as impactReports } from "@/app/api/v1/partner/impact/reports/route";
import { POST as createProgram } from "@/app/api/v1/partner/programs/route";
import { GET as exportReport } from "@/app/api/v1/partner/reports/export/route";
import { GET as listSponsorships, POST as createSponsorships } from "@/app/api/v1/partner/sponsorships/route";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { getDb } from "@/lib/db";
import { runAction } from "@/lib/forms/run-action";
import { actorByEmail } from "@/tests/helpers/actors";
import { proposalBody } from "@/tests/helpers/escrow";
import { call, DEMO_PASSWORD, tokenFor } from "@/tests/helpers/http";
import { z } from "zod";

let partner: string;
let brand: string;
let creatorId: string;

beforeAll(async () => {
  [partner, brand] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("brand@demo.test")]);
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.RATE_LIMIT_PER_MINUTE;
  delete process.env.REPORTS_PER_MINUTE;
});

/** A request whose body is produced only as it is read: `total` bytes in 64 KiB chunks, counting what was pulled. */
function streamingRequest(url: string, total: number, headers: Record<string, string> = {}) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new NextRequest(new URL(url, "http://localhost:8000"), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
    // Node's fetch needs duplex for a streamed body.
  } as unknown as ConstructorParameters<typeof NextRequest>[1]);
  return { request, pulled };
}

const MIB = 1024 * 1024;

/** One second into a minute window a few minutes from now (after every token of the file was issued). */
function windowStart(minutesAhead: number): Date {
  return new Date(Math.ceil(Date.now() / 60_000) * 60_000 + minutesAhead * 60_000 + 1000);
}

describe("API4: request bodies", () => {
  it("answers a 2 MiB body to the unauthenticated token route with 413, declared or streamed, reading no more than the limit", async () => {
    const declared = await call(issueToken, "/api/v1/auth/token", { rawBody: " ".repeat(2 * MIB) });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ detail: "Request body exceeds the limit of 1 MiB" });

    const rssBefore = process.memoryUsage().rss;
    const { request, pulled } = streamingRequest("/api/v1/auth/token", 300 * MIB);
    const response = await issueToken(request);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(MIB + 2 * 64 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(16 * MIB);
  });

  it("answers a streamed 2 MiB body to an authenticated route with 413 in each API's shape, creating nothing", async () => {
    const before = await getDb().proposal.count();
    const { request, pulled } = streamingRequest("/api/partnerships/proposals", 2 * MIB, { authorization: `Bearer ${brand}` });
    const response = await createProposal(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(pulled.bytes).toBeLessThanOrEqual(MIB + 2 * 64 * 1024);
    expect(await getDb().proposal.count()).toBe(before);
  });
});

describe("API4: rate limits", () => {
  it("gives a fresh token no fresh allowance: all of a user's tokens share one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowStart(2));
    process.env.RATE_LIMIT_PER_MINUTE = "3";
    const tokens = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        call(issueToken, "/x", {
          body: { email: "creator2@demo.test", password: DEMO_PASSWORD },
          headers: { "x-client-address": `203.0.113.${80 + i}` },
        }),
      ),
    );
    const statuses = [];
    for (const t of tokens) statuses.push((await call(me, "/x", { token: t.body.access_token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("limits token issuance per user and the unauthenticated token route per client address", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowStart(4));
    const issue = (address: string) =>
      call(issueToken, "/x", { body: { email: "brand2@demo.test", password: DEMO_PASSWORD }, headers: { "x-client-address": address } });
    const perUser = [];
    for (let i = 0; i < 12; i++) perUser.push((await issue(`203.0.113.${100 + i}`)).status);
    expect(perUser.filter((s) => s === 200)).toHaveLength(10);
    expect(perUser.slice(10)).toEqual([429, 429]);

    vi.setSystemTime(windowStart(6));
    process.env.RATE_LIMIT_PER_MINUTE = "5";
    const perAddress = [];
    for (let i = 0; i < 6; i++)
      perAddress.push(
        (
          await call(issueToken, "/x", {
            body: { email: "nobody@demo.test", password: "x" },
            headers: { "x-client-address": "198.51.100.99" },
          })
        ).status,
      );
    expect(perAddress).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("counts server actions against the same per-user allowance", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowStart(8));
    process.env.RATE_LIMIT_PER_MINUTE = "2";
    const actor = await actorByEmail("brand@demo.test");
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await runAction(z.object({}), {}, async () => "done", { actor, action: "test.run" }));
    expect(results.map((r) => r.status)).toEqual(["success", "success", "error"]);
    expect(results[2]).toMatchObject({ message: "Rate limit exceeded. Retry after 59 seconds." });
    expect((await call(me, "/x", { token: brand })).status).toBe(429);
  });

  it("limits newly generated reports per partner with 429 and Retry-After; repeats of a stored report are free", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowStart(10));
    process.env.RATE_LIMIT_PER_MINUTE = "100000";
    process.env.REPORTS_PER_MINUTE = "2";
    const first = await call(impactReports, "/api/v1/partner/impact/reports?format=csv&start_date=2026-01-01&end_date=2026-03-31", {
      token: partner,
    });
    expect(first.status).toBe(200);
    const repeat = await call(impactReports, "/api/v1/partner/impact/reports?format=csv&start_date=2026-01-01&end_date=2026-03-31", {
      token: partner,
    });
    expect(repeat.body.report.id).toBe(first.body.report.id);
    expect(await getDb().report.count({ where: { id: first.body.report.id } })).toBe(1);
    expect((await call(exportReport, "/x?format=json&start_date=2026-01-01&end_date=2026-03-31", { token: partner })).status).toBe(200);
    const third = await call(exportReport, "/x?format=csv&report_type=financial&start_date=2026-01-01&end_date=2026-03-31", {
      token: partner,
    });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("59");
    expect(third.body.detail).toBe("Report limit exceeded: at most 2 new reports a minute. Retry after 59 seconds.");
  });
});

describe("API4: numbers too large to count", () => {
  it("refuses each overflow input with 4xx in the API's shape, and the partner's lists still answer 200", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "100000";
    const huge = 9007199254740991;
    const probes = [
      await call(listSponsorships, `/api/v1/partner/sponsorships?page=${huge}`, { token: partner }),
      await call(listPayments, "/api/v1/partner/payments?start_date=0000-01-01", { token: partner }),
      await call(listPayments, "/api/v1/partner/payments?end_date=9999-12-31", { token: partner }),
      await call(createProgram, "/x", {
        token: partner,
        body: { name: "Big", description: "Big", target_students: 1, budget: huge, start_date: "2027-01-01", end_date: "2027-12-31" },
      }),
      await call(createSponsorships, "/x", {
        token: partner,
        body: {
          student_ids: ["00000000-0000-4000-8000-000000000001"],
          type: "partial",
          amount_per_student: huge,
          start_date: "2027-01-01",
          end_date: "2027-12-31",
        },
      }),
      await call(createProposal, "/api/partnerships/proposals", {
        token: brand,
        body: { ...proposalBody(creatorId), compensation: { amount: huge, currency: "USD" } },
      }),
      await call(createProposal, "/api/partnerships/proposals", {
        token: brand,
        body: { ...proposalBody(creatorId), timeline: { startDate: "0001-01-01", endDate: "2027-01-01" } },
      }),
    ];
    for (let i = 0; i < 11; i++)
      probes.push(
        await call(createPayment, "/api/v1/partner/payments", {
          token: partner,
          body: { amount: huge, method: "bank_transfer", bank_reference: "X" },
        }),
      );
    for (const probe of probes) {
      expect(probe.status, JSON.stringify(probe.body)).toBeGreaterThanOrEqual(400);
      expect(probe.status).toBeLessThan(500);
    }
    expect(probes[0].body.detail[0]).toMatchObject({ loc: ["query", "page"] });
    expect(probes[5].body.error.code).toBe("invalid_request");
    expect((await call(listPayments, "/api/v1/partner/payments", { token: partner })).status).toBe(200);
    expect((await call(listSponsorships, "/api/v1/partner/sponsorships", { token: partner })).status).toBe(200);
  });
});
