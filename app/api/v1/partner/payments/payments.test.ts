import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createPaymentResponse, listPaymentsResponse } from "@/lib/sponsorship/schemas/payments";
import { listInvoicesResponse } from "@/lib/sponsorship/schemas/invoices";
import { call, tokenFor } from "@/tests/helpers/http";
import { pdfText } from "@/tests/helpers/pdf-text";
import { GET as invoicePdf } from "./invoices/[id]/pdf/route";
import { GET as listInvoices } from "./invoices/route";
import { POST as sandboxPrompt } from "./[id]/sandbox-prompt/route";
import { GET as list, POST as create } from "./route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/payments";
const INVOICES = "/api/v1/partner/payments/invoices";
let partner: string;
let partner2: string;
let others: string[];
let org1: string;
let org2: string;

beforeAll(async () => {
  [partner, partner2] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("partner2@demo.test")]);
  others = [await tokenFor("brand@demo.test"), await tokenFor("creator@demo.test"), await tokenFor("admin@demo.test")];
  const users = await getDb().user.findMany({ where: { email: { in: ["partner@demo.test", "partner2@demo.test"] } } });
  org1 = users.find((u) => u.email === "partner@demo.test")!.organizationId!;
  org2 = users.find((u) => u.email === "partner2@demo.test")!.organizationId!;
});

const fields = (body: { detail: Array<{ loc: string[] }> }) => body.detail.map((issue) => issue.loc.join("."));
const minorSum = (rows: Array<{ amountMinor: bigint }>) => Number(rows.reduce((sum, row) => sum + row.amountMinor, 0n)) / 100;

/** Calls the PDF route and keeps the bytes (the JSON helper would decode them as text). */
async function fetchPdf(token: string, id: string) {
  const request = new NextRequest(new globalThis.URL(`${INVOICES}/${id}/pdf`, "http://localhost:8000"), {
    headers: { authorization: `Bearer ${token}` },
  });
  const response = await invoicePdf(request, { params: Promise.resolve({ id }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("auth on partner payment routes", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  it("answers 401 without a token", async () => {
    for (const res of [
      await call(list, URL),
      await call(create, URL, { body: { amount: 1, method: "stripe" } }),
      await call(listInvoices, INVOICES),
      await call(invoicePdf, `${INVOICES}/${id}/pdf`, { params: { id } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: "Not authenticated" });
    }
  });

  it("answers 403 to brand, creator and admin tokens", async () => {
    for (const token of others) {
      for (const res of [
        await call(list, URL, { token }),
        await call(create, URL, { token, body: { amount: 1, method: "stripe" } }),
        await call(listInvoices, INVOICES, { token }),
        await call(invoicePdf, `${INVOICES}/${id}/pdf`, { token, params: { id } }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ detail: "Role 'partner' required" });
      }
    }
  });
});

describe("GET /partner/payments", () => {
  it("lists the partner's payments with a summary, parsing with the schema", async () => {
    const res = await call(list, URL, { token: partner });
    expect(res.status).toBe(200);
    const body = listPaymentsResponse.parse(res.body);
    expect(body).toMatchObject({ total: 24, page: 1, limit: 20, pages: 2 });
    expect(body.payments).toHaveLength(20);
    const created = body.payments.map((p) => p.created_at);
    expect([...created].sort().reverse()).toEqual(created);

    const rows = await getDb().payment.findMany({ where: { partnerId: org1 } });
    const now = new Date();
    const thisMonth = rows.filter(
      (p) =>
        p.status === "completed" &&
        p.completedAt &&
        p.completedAt.getUTCFullYear() === now.getUTCFullYear() &&
        p.completedAt.getUTCMonth() === now.getUTCMonth(),
    );
    expect(body.summary).toEqual({
      total_paid: minorSum(rows.filter((p) => p.status === "completed")),
      this_month: minorSum(thisMonth),
      pending: minorSum(rows.filter((p) => p.status === "pending")),
    });
    expect(body.summary.total_paid).toBeGreaterThan(0);
    expect(body.summary.pending).toBeGreaterThan(0);
    // Batch payments list the sponsorships they paid for.
    expect(body.payments.some((p) => p.sponsorship_ids.length > 0)).toBe(true);
  });

  it("keeps the summary independent of filters and of other partners", async () => {
    const all = listPaymentsResponse.parse((await call(list, URL, { token: partner })).body);
    const filtered = listPaymentsResponse.parse((await call(list, `${URL}?status=failed&method=paypal`, { token: partner })).body);
    expect(filtered.summary).toEqual(all.summary);
    const other = listPaymentsResponse.parse((await call(list, URL, { token: partner2 })).body);
    expect(other.total).toBe(6);
    expect(other.summary).not.toEqual(all.summary);
  });

  it("filters by status and by method", async () => {
    for (const status of ["completed", "pending", "failed", "refunded"] as const) {
      const body = listPaymentsResponse.parse((await call(list, `${URL}?status=${status}&limit=100`, { token: partner })).body);
      expect(body.total).toBe(await getDb().payment.count({ where: { partnerId: org1, status } }));
      expect(body.payments.every((p) => p.status === status)).toBe(true);
    }
    for (const method of ["mpesa", "bank_transfer", "paypal", "stripe"] as const) {
      const body = listPaymentsResponse.parse((await call(list, `${URL}?method=${method}&limit=100`, { token: partner })).body);
      expect(body.total).toBe(await getDb().payment.count({ where: { partnerId: org1, method } }));
      expect(body.payments.every((p) => p.method === method)).toBe(true);
    }
    const combined = listPaymentsResponse.parse(
      (await call(list, `${URL}?status=completed&method=bank_transfer`, { token: partner })).body,
    );
    expect(combined.total).toBe(await getDb().payment.count({ where: { partnerId: org1, status: "completed", method: "bank_transfer" } }));
  });

  it("filters by start_date and end_date, both days included", async () => {
    const rows = await getDb().payment.findMany({ where: { partnerId: org1 }, orderBy: { createdAt: "asc" } });
    const day = rows[5].createdAt.toISOString().slice(0, 10);
    const sameDay = rows.filter((p) => p.createdAt.toISOString().slice(0, 10) === day);
    const only = listPaymentsResponse.parse((await call(list, `${URL}?start_date=${day}&end_date=${day}`, { token: partner })).body);
    expect(only.total).toBe(sameDay.length);
    expect(only.payments.every((p) => p.created_at.startsWith(day))).toBe(true);

    const from = listPaymentsResponse.parse((await call(list, `${URL}?start_date=${day}&limit=100`, { token: partner })).body);
    expect(from.total).toBe(rows.filter((p) => p.createdAt.toISOString().slice(0, 10) >= day).length);
    const until = listPaymentsResponse.parse((await call(list, `${URL}?end_date=${day}&limit=100`, { token: partner })).body);
    expect(until.total).toBe(rows.filter((p) => p.createdAt.toISOString().slice(0, 10) <= day).length);
    expect(from.total + until.total - only.total).toBe(24);

    const reversed = await call(list, `${URL}?start_date=2026-02-10&end_date=2026-02-01`, { token: partner });
    expect(reversed.status).toBe(422);
    expect(fields(reversed.body)).toEqual(["query.end_date"]);
    const badDate = await call(list, `${URL}?start_date=2026-13-01`, { token: partner });
    expect(badDate.status).toBe(422);
    expect(fields(badDate.body)).toEqual(["query.start_date"]);
  });

  it("rejects unknown filter values", async () => {
    const status = await call(list, `${URL}?status=paid`, { token: partner });
    expect(status.status).toBe(422);
    expect(fields(status.body)).toEqual(["query.status"]);
    const method = await call(list, `${URL}?method=cash`, { token: partner });
    expect(method.status).toBe(422);
    expect(fields(method.body)).toEqual(["query.method"]);
  });

  it("paginates and checks the bounds", async () => {
    const second = listPaymentsResponse.parse((await call(list, `${URL}?page=2`, { token: partner })).body);
    expect(second.payments).toHaveLength(4);
    const beyond = listPaymentsResponse.parse((await call(list, `${URL}?page=3`, { token: partner })).body);
    expect(beyond).toMatchObject({ payments: [], total: 24, page: 3 });
    const tooMany = await call(list, `${URL}?limit=101`, { token: partner });
    expect(tooMany.status).toBe(422);
    expect(fields(tooMany.body)).toEqual(["query.limit"]);
    const pageZero = await call(list, `${URL}?page=0`, { token: partner });
    expect(pageZero.status).toBe(422);
    expect(fields(pageZero.body)).toEqual(["query.page"]);
  });
});

describe("GET /partner/payments/invoices", () => {
  it("lists invoices with program names and download urls", async () => {
    const res = await call(listInvoices, INVOICES, { token: partner });
    expect(res.status).toBe(200);
    const body = listInvoicesResponse.parse(res.body);
    expect(body).toMatchObject({ total: 12, page: 1, limit: 20, pages: 1 });
    for (const invoice of body.invoices) {
      expect(invoice.download_url).toBe(`/api/v1/partner/payments/invoices/${invoice.id}/pdf`);
      expect(invoice.paid_date === null).toBe(invoice.status !== "paid");
    }
    const withProgram = await getDb().invoice.findFirstOrThrow({
      where: { partnerId: org1, programId: { not: null } },
      include: { program: true },
    });
    expect(body.invoices.find((i) => i.id === withProgram.id)!.program).toBe(withProgram.program!.name);
    expect(body.invoices.some((i) => i.program === null)).toBe(true);
    const other = listInvoicesResponse.parse((await call(listInvoices, INVOICES, { token: partner2 })).body);
    expect(other.total).toBe(3);
  });

  it("filters by status", async () => {
    for (const status of ["draft", "sent", "paid", "overdue"] as const) {
      const body = listInvoicesResponse.parse((await call(listInvoices, `${INVOICES}?status=${status}`, { token: partner })).body);
      expect(body.total).toBe(await getDb().invoice.count({ where: { partnerId: org1, status } }));
      expect(body.invoices.every((i) => i.status === status)).toBe(true);
    }
    const bad = await call(listInvoices, `${INVOICES}?status=cancelled`, { token: partner });
    expect(bad.status).toBe(422);
    expect(fields(bad.body)).toEqual(["query.status"]);
  });

  it("paginates and checks the bounds", async () => {
    const page = listInvoicesResponse.parse((await call(listInvoices, `${INVOICES}?limit=5&page=3`, { token: partner })).body);
    expect(page).toMatchObject({ total: 12, page: 3, limit: 5, pages: 3 });
    expect(page.invoices).toHaveLength(2);
    const beyond = listInvoicesResponse.parse((await call(listInvoices, `${INVOICES}?page=2`, { token: partner })).body);
    expect(beyond.invoices).toEqual([]);
    const tooMany = await call(listInvoices, `${INVOICES}?limit=101`, { token: partner });
    expect(tooMany.status).toBe(422);
    expect(fields(tooMany.body)).toEqual(["query.limit"]);
    const pageZero = await call(listInvoices, `${INVOICES}?page=0`, { token: partner });
    expect(pageZero.status).toBe(422);
    expect(fields(pageZero.body)).toEqual(["query.page"]);
  });
});

describe("GET /partner/payments/invoices/{id}/pdf", () => {
  it("returns the invoice as a PDF attachment", async () => {
    const invoice = await getDb().invoice.findFirstOrThrow({ where: { partnerId: org1 } });
    const res = await fetchPdf(partner, invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.invoiceNumber}.pdf"`);
    expect(res.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const text = await pdfText(res.bytes);
    for (const expected of ["INVOICE", `Invoice number ${invoice.invoiceNumber}`, "Billed to", "Total due", "Page 1 of 1"])
      expect(text).toContain(expected);
    // Same invoice, same bytes.
    expect((await fetchPdf(partner, invoice.id)).bytes.equals(res.bytes)).toBe(true);
  });

  it("answers 404 for another partner's invoice and for ids that are not UUIDs", async () => {
    const invoice = await getDb().invoice.findFirstOrThrow({ where: { partnerId: org1 } });
    const foreign = await call(invoicePdf, `${INVOICES}/${invoice.id}/pdf`, { token: partner2, params: { id: invoice.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "Invoice not found" });
    for (const id of ["inv-001", "00000000-0000-4000-8000-000000000000"]) {
      const res = await call(invoicePdf, `${INVOICES}/${id}/pdf`, { token: partner, params: { id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Invoice not found" });
    }
  });
});

describe("POST /partner/payments", () => {
  /** The partner's first program that no pending payment covers (another payment for it would be refused). */
  async function program(org: string) {
    return getDb().program.findFirstOrThrow({
      where: { partnerId: org, payments: { none: { status: "pending" } } },
      orderBy: { createdAt: "asc" },
    });
  }

  it("creates a pending bank transfer with its invoice", async () => {
    const prog = await program(org1);
    const sponsorships = await getDb().sponsorship.findMany({
      where: { partnerId: org1, status: "pending" },
      take: 2,
      orderBy: { id: "asc" },
    });
    const invoicesBefore = await getDb().invoice.count();
    const res = await call(create, URL, {
      token: partner,
      body: {
        amount: 150000,
        currency: "kes",
        method: "bank_transfer",
        program_id: prog.id,
        sponsorship_ids: sponsorships.map((s) => s.id),
        description: "Q2 2026 program funding",
        bank_reference: "BT_REF_12345",
      },
    });
    expect(res.status).toBe(201);
    const body = createPaymentResponse.parse(res.body);
    expect(body).toMatchObject({
      amount: 150000,
      currency: "KES",
      method: "bank_transfer",
      status: "pending",
      message: "Payment initiated. Bank transfer verification pending.",
    });
    // Listed by the partner's own bank reference; ours is kept beside it.
    expect(body.reference).toBe("BT_REF_12345");
    expect(body.payment_reference).toMatch(/^BT_\d{8}_[A-Z0-9]{6}$/);
    expect(body.payment_reference.slice(3, 11)).toBe(new Date().toISOString().slice(0, 10).replaceAll("-", ""));

    const payment = await getDb().payment.findUniqueOrThrow({ where: { id: body.id }, include: { sponsorships: true, invoice: true } });
    expect(payment).toMatchObject({
      partnerId: org1,
      programId: prog.id,
      amountMinor: 15_000_000n,
      status: "pending",
      bankReference: "BT_REF_12345",
      providerRef: null,
    });
    expect(payment.sponsorships.map((s) => s.sponsorshipId).sort()).toEqual(sponsorships.map((s) => s.id).sort());
    const invoice = payment.invoice!;
    expect(invoice.id).toBe(body.invoice_id);
    const year = new Date().getUTCFullYear();
    expect(invoice).toMatchObject({
      partnerId: org1,
      programId: prog.id,
      status: "sent",
      amountMinor: 15_000_000n,
      description: "Q2 2026 program funding",
      paidDate: null,
    });
    // The partner's own series: INV-<account code>-<year>-<NNNN>.
    const { accountCode } = await getDb().organization.findUniqueOrThrow({ where: { id: org1 } });
    expect(invoice.invoiceNumber).toMatch(new RegExp(`^INV-${accountCode}-${year}-\\d{4}$`));
    expect(invoice.dueDate.getTime() - invoice.issuedDate.getTime()).toBe(14 * 86_400_000);
    expect(invoice.issuedDate.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(await getDb().invoice.count()).toBe(invoicesBefore + 1);

    const listed = listPaymentsResponse.parse((await call(list, URL, { token: partner })).body);
    expect(listed.total).toBe(25);
    expect(listed.payments[0]).toMatchObject({ id: body.id, status: "pending", program_id: prog.id });
    const invoices = listInvoicesResponse.parse((await call(listInvoices, `${INVOICES}?status=sent`, { token: partner })).body);
    expect(invoices.invoices.some((i) => i.id === body.invoice_id && i.program === prog.name)).toBe(true);
  });

  it("sends an M-Pesa request through the labelled sandbox and keeps the checkout request id", async () => {
    const res = await call(create, URL, { token: partner2, body: { amount: 5000, method: "mpesa", phone_number: "+254712345678" } });
    expect(res.status).toBe(201);
    const body = createPaymentResponse.parse(res.body);
    expect(body.sandbox).toBe(true);
    expect(body.message).toBe(
      "Sandbox M-Pesa: no real prompt was sent to +254712345678 and no money moves. Approve or cancel the simulated prompt on the payment page.",
    );
    expect(body.reference).toMatch(/^MP_\d{8}_[A-Z0-9]{6}$/);
    expect(body.payment_reference).toBe(body.reference);
    expect(body.checkout_request_id).toMatch(/^ws_CO_\d{24}$/);
    const payment = await getDb().payment.findUniqueOrThrow({ where: { id: body.id } });
    expect(payment).toMatchObject({
      partnerId: org2,
      providerRef: body.checkout_request_id,
      phoneNumber: "+254712345678",
      programId: null,
      sandbox: true,
    });
  });

  it.each(["0712345678", "712345678", "254712345678", "+254712345678", "0712 345 678"])(
    "accepts the phone number %s and keeps it as +254712345678",
    async (phone) => {
      const res = await call(create, URL, { token: partner2, body: { amount: 50, method: "mpesa", phone_number: phone } });
      expect(res.status).toBe(201);
      expect((await getDb().payment.findUniqueOrThrow({ where: { id: res.body.id } })).phoneNumber).toBe("+254712345678");
    },
  );

  it("refuses M-Pesa with 502 and records nothing where sandbox payments are off and no provider is configured", async () => {
    process.env.SANDBOX_PAYMENTS = "off";
    try {
      const before = await getDb().payment.count();
      const res = await call(create, URL, { token: partner2, body: { amount: 50, method: "mpesa", phone_number: "0712345678" } });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ detail: "M-Pesa payments are not available on this server; nothing was requested or recorded." });
      expect(await getDb().payment.count()).toBe(before);
    } finally {
      delete process.env.SANDBOX_PAYMENTS;
    }
  });

  it("lets the partner approve or cancel the simulated prompt of their own sandbox payment only", async () => {
    const made = await call(create, URL, { token: partner2, body: { amount: 1200, method: "mpesa", phone_number: "0712345678" } });
    const other = await call(create, URL, { token: partner2, body: { amount: 1300, method: "mpesa", phone_number: "0712345678" } });
    const prompt = (id: string, token: string, action: string) =>
      call(sandboxPrompt, `${URL}/${id}/sandbox-prompt`, { token, body: { action }, params: { id } });

    expect((await prompt(made.body.id, partner, "approve")).status).toBe(404);
    const approved = await prompt(made.body.id, partner2, "approve");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: made.body.id, status: "completed", sandbox: true });
    expect(approved.body.receipt).toMatch(/^SBX[0-9A-F]{8}$/);
    expect((await prompt(made.body.id, partner2, "approve")).status).toBe(409);

    const cancelled = await prompt(other.body.id, partner2, "cancel");
    expect(cancelled.body).toMatchObject({ status: "failed" });
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: other.body.id } })).failureReason).toBe(
      "You cancelled the M-Pesa prompt.",
    );

    const bank = await call(create, URL, { token: partner2, body: { amount: 10, method: "bank_transfer", bank_reference: "X" } });
    expect((await prompt(bank.body.id, partner2, "approve")).status).toBe(409);
    expect((await prompt(made.body.id, partner2, "pay")).status).toBe(422);
  });

  it("uses the method's reference prefix for PayPal and Stripe", async () => {
    const paypal = createPaymentResponse.parse((await call(create, URL, { token: partner, body: { amount: 10, method: "paypal" } })).body);
    expect(paypal.reference).toMatch(/^PP_/);
    const stripe = createPaymentResponse.parse(
      (await call(create, URL, { token: partner, body: { amount: 10, currency: "USD", method: "stripe" } })).body,
    );
    expect(stripe.reference).toMatch(/^ST_/);
    expect(stripe.currency).toBe("USD");
  });

  it("numbers invoices uniquely when payments are created concurrently", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(create, URL, { token: partner, body: { amount: 100 + i, method: "stripe" } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const invoices = await getDb().invoice.findMany({ where: { id: { in: results.map((r) => r.body.invoice_id) } } });
    expect(new Set(invoices.map((i) => i.invoiceNumber)).size).toBe(8);
  });

  it("answers 404 for another partner's program or sponsorship", async () => {
    const before = await getDb().payment.count();
    const foreignProgram = await getDb().program.findFirstOrThrow({ where: { partnerId: org1 } });
    const res = await call(create, URL, { token: partner2, body: { amount: 100, method: "stripe", program_id: foreignProgram.id } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "Program not found" });
    const missingProgram = await call(create, URL, {
      token: partner2,
      body: { amount: 100, method: "stripe", program_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missingProgram.body).toEqual({ detail: "Program not found" });

    const foreign = await getDb().sponsorship.findFirstOrThrow({ where: { partnerId: org1 } });
    const own = await getDb().sponsorship.findFirstOrThrow({ where: { partnerId: org2 } });
    const sponsorship = await call(create, URL, {
      token: partner2,
      body: { amount: 100, method: "stripe", sponsorship_ids: [own.id, foreign.id] },
    });
    expect(sponsorship.status).toBe(404);
    expect(sponsorship.body).toEqual({ detail: "Sponsorship not found" });
    expect(await getDb().payment.count()).toBe(before);
  });

  it.each([
    ["amount", { amount: 0 }],
    ["amount", { amount: 10.5 }],
    ["amount", { amount: undefined }],
    ["method", { method: "cash" }],
    ["method", { method: undefined }],
    ["currency", { currency: "SHILLINGS" }],
    ["bank_reference", { method: "bank_transfer", bank_reference: "   " }],
    ["phone_number", { method: "mpesa" }],
    ["phone_number", { method: "mpesa", phone_number: "0812345678" }],
    ["phone_number", { method: "mpesa", phone_number: "+25471234567" }],
    ["currency", { method: "mpesa", phone_number: "+254712345678", currency: "USD" }],
    ["program_id", { program_id: "prog-001" }],
    ["sponsorship_ids", { sponsorship_ids: [] }],
    ["sponsorship_ids.0", { sponsorship_ids: ["spn-012"] }],
    ["description", { description: "x".repeat(501) }],
  ])("answers 422 naming %s", async (field, change) => {
    const before = await getDb().payment.count();
    const res = await call(create, URL, {
      token: partner,
      body: { amount: 100, method: "bank_transfer", bank_reference: "REF", ...change },
    });
    expect(res.status).toBe(422);
    for (const issue of res.body.detail) expect(Object.keys(issue).sort()).toEqual(["loc", "msg", "type"]);
    expect(fields(res.body)).toContain(`body.${field}`);
    expect(await getDb().payment.count()).toBe(before);
  });

  it("replays the same Idempotency-Key and body, creating one payment", async () => {
    const before = await getDb().payment.count();
    const headers = { "idempotency-key": "pay-once-1" };
    const body = { amount: 2500, method: "bank_transfer", bank_reference: "FT123" };
    const first = await call(create, URL, { token: partner, body, headers });
    const second = await call(create, URL, { token: partner, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().payment.count()).toBe(before + 1);

    const different = await call(create, URL, { token: partner, body: { ...body, amount: 2600 }, headers });
    expect(different.status).toBe(422);
    expect(typeof different.body.detail).toBe("string");
    expect(await getDb().payment.count()).toBe(before + 1);
  });
});
