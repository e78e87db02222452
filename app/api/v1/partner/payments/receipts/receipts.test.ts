import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { listReceiptsResponse } from "@/lib/billing/schemas/receipts";
import { getDb } from "@/lib/db";
import { call, tokenFor } from "@/tests/helpers/http";
import { pdfText } from "@/tests/helpers/pdf-text";
import { GET as receiptPdf } from "./[id]/pdf/route";
import { GET as listReceipts } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/payments/receipts";
let partner: string;
let partner2: string;
let org1: string;

async function fetchPdf(token: string, id: string) {
  const request = new NextRequest(new globalThis.URL(`${URL}/${id}/pdf`, "http://localhost:8000"), {
    headers: { authorization: `Bearer ${token}` },
  });
  const response = await receiptPdf(request, { params: Promise.resolve({ id }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  [partner, partner2] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("partner2@demo.test")]);
  org1 = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
});

describe("GET /partner/payments/receipts", () => {
  it("lists one receipt per completed payment, numbered in the partner's series in the order the money arrived", async () => {
    const res = await call(listReceipts, `${URL}?limit=100`, { token: partner });
    expect(res.status).toBe(200);
    const body = listReceiptsResponse.parse(res.body);
    const completed = await getDb().payment.findMany({ where: { partnerId: org1, status: "completed" }, orderBy: { completedAt: "asc" } });
    expect(completed.length).toBeGreaterThan(0);
    expect(body.total).toBe(completed.length);
    expect(new Set(body.receipts.map((r) => r.payment_id))).toEqual(new Set(completed.map((p) => p.id)));
    const code = (await getDb().organization.findUniqueOrThrow({ where: { id: org1 } })).accountCode;
    const byPayment = new Map(body.receipts.map((r) => [r.payment_id, r]));
    // Numbered per year, consecutively in the order the money arrived.
    const perYear = new Map<number, number>();
    const expected = completed.map((p) => {
      const year = byPayment.get(p.id)!.issued_at.slice(0, 4);
      const n = (perYear.get(Number(year)) ?? 0) + 1;
      perYear.set(Number(year), n);
      return `RCT-${code}-${year}-${String(n).padStart(4, "0")}`;
    });
    expect(completed.map((p) => byPayment.get(p.id)!.receipt_number)).toEqual(expected);
    expect(code).toBe("ELIMU");
    const first = byPayment.get(completed[0]!.id)!;
    expect(first).toMatchObject({
      amount: Number(completed[0]!.amountMinor) / 100,
      currency: "KES",
      method: completed[0]!.method,
      payment_reference: completed[0]!.reference,
      download_url: `${URL}/${first.id}/pdf`,
    });
    // Asking again issues nothing new.
    expect(listReceiptsResponse.parse((await call(listReceipts, `${URL}?limit=100`, { token: partner })).body).receipts).toEqual(
      body.receipts,
    );
  });

  it("paginates", async () => {
    const page = listReceiptsResponse.parse((await call(listReceipts, `${URL}?limit=2&page=2`, { token: partner })).body);
    expect(page).toMatchObject({ page: 2, limit: 2 });
    expect(page.receipts.length).toBeLessThanOrEqual(2);
    expect((await call(listReceipts, `${URL}?limit=0`, { token: partner })).status).toBe(422);
  });

  it("answers 401 without a token and 403 to other roles", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await call(listReceipts, URL)).status).toBe(401);
    expect((await call(receiptPdf, `${URL}/${id}/pdf`, { params: { id } })).status).toBe(401);
    const admin = await tokenFor("admin@demo.test");
    expect((await call(listReceipts, URL, { token: admin })).status).toBe(403);
  });
});

describe("GET /partner/payments/receipts/{id}/pdf", () => {
  it("returns the receipt with the amount in words, the method and the provider's receipt", async () => {
    const { receipts } = listReceiptsResponse.parse((await call(listReceipts, URL, { token: partner })).body);
    const receipt = receipts.find((r) => r.provider_receipt) ?? receipts[0]!;
    const res = await fetchPdf(partner, receipt.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${receipt.receipt_number}.pdf"`);
    const text = await pdfText(res.bytes);
    for (const expected of [
      "RECEIPT",
      `Receipt number ${receipt.receipt_number}`,
      "Amount in words Kenya Shillings",
      `Payment reference ${receipt.payment_reference}`,
    ])
      expect(text).toContain(expected);
    if (receipt.provider_receipt) expect(text).toContain(`Provider receipt ${receipt.provider_receipt}`);
  });

  it("answers 404 for another partner's receipt and for ids that are not UUIDs", async () => {
    const { receipts } = listReceiptsResponse.parse((await call(listReceipts, URL, { token: partner })).body);
    const id = receipts[0]!.id;
    const foreign = await call(receiptPdf, `${URL}/${id}/pdf`, { token: partner2, params: { id } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "Receipt not found" });
    const bad = await call(receiptPdf, `${URL}/rct-1/pdf`, { token: partner, params: { id: "rct-1" } });
    expect(bad.status).toBe(404);
    // And partner2's own list holds none of partner's.
    const theirs = listReceiptsResponse.parse((await call(listReceipts, `${URL}?limit=100`, { token: partner2 })).body);
    expect(theirs.receipts.some((r) => r.id === id)).toBe(false);
  });
});
