import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { statementResponse } from "@/lib/billing/schemas/statements";
import { getDb } from "@/lib/db";
import { parseCsv } from "@/tests/helpers/csv";
import { call, DEMO_PASSWORD, tokenFor } from "@/tests/helpers/http";
import { pdfText } from "@/tests/helpers/pdf-text";
import { GET } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/statements";
const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const FISCAL_YEAR = "start_date=2025-07-01&end_date=2026-06-30";

let fixture: string; // token of a partner whose account is built by hand below
let partner: string;
let paymentC: string;

async function fetchFile(token: string, query: string) {
  const request = new NextRequest(new globalThis.URL(`${URL}?${query}`, "http://localhost:8000"), {
    headers: { authorization: `Bearer ${token}` },
  });
  const response = await GET(request, { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  const db = getDb();
  const org = await db.organization.create({
    data: {
      name: "Statement Fixture Trust",
      type: "ngo",
      accountCode: "STMTFIX",
      legalName: "Statement Fixture Trust Ltd",
      kraPin: "P051234567X",
    },
  });
  await db.user.create({
    data: {
      email: "statements@fixture.test",
      name: "Statement Fixture",
      role: "partner",
      organizationId: org.id,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      memberships: { create: { organizationId: org.id, role: "owner" } },
    },
  });
  let n = 0;
  const invoice = (issued: string, amountKes: number, extra: Record<string, unknown> = {}) =>
    db.invoice.create({
      data: {
        partnerId: org.id,
        invoiceNumber: `INV-STMTFIX-${issued.slice(0, 4)}-${String(++n).padStart(4, "0")}`,
        amountMinor: BigInt(amountKes * 100),
        issuedDate: d(issued),
        dueDate: d(issued),
        description: `Invoice of ${issued}`,
        ...extra,
      },
    });
  const payment = (completed: string, amountKes: number, extra: Record<string, unknown> = {}) =>
    db.payment.create({
      data: {
        partnerId: org.id,
        amountMinor: BigInt(amountKes * 100),
        method: "mpesa",
        status: "completed",
        reference: `MP_STMT_${++n}`,
        receipt: `SBX${n}`,
        createdAt: d(completed),
        completedAt: d(`${completed}T09:00:00Z`),
        ...extra,
      },
    });
  // Before the range: owed 10,000 + 5,000, paid 10,000: opening 5,000.
  const a = await payment("2025-06-01", 10_000);
  await invoice("2025-05-10", 10_000, { paymentId: a.id, status: "paid" });
  await invoice("2025-06-20", 5_000, { status: "void", voidedAt: d("2025-07-15T08:00:00Z"), voidReason: "Raised in error" });
  // In the range.
  const c = await payment("2025-08-05", 20_000);
  paymentC = c.id;
  await invoice("2025-08-01", 20_000, { paymentId: c.id, status: "paid" });
  await payment("2025-09-01", 3_000, { status: "refunded", updatedAt: d("2025-09-10T12:00:00Z") });
  await invoice("2026-06-30", 7_000);
  // After it, and in another currency.
  await invoice("2026-07-01", 1_000);
  await invoice("2025-10-01", 400, { currency: "USD" });

  [fixture, partner] = await Promise.all([tokenFor("statements@fixture.test"), tokenFor("partner@demo.test")]);
});

describe("GET /partner/statements", () => {
  it("states the opening balance, each movement with its running balance, and the closing balance", async () => {
    const res = await call(GET, `${URL}?${FISCAL_YEAR}`, { token: fixture });
    expect(res.status).toBe(200);
    const { statement } = statementResponse.parse(res.body);
    expect(statement).toMatchObject({
      currency: "KES",
      start_date: "2025-07-01",
      end_date: "2026-06-30",
      opening_balance: 5_000,
      total_debits: 30_000,
      total_credits: 28_000,
      closing_balance: 7_000,
      partner: { legal_name: "Statement Fixture Trust Ltd", kra_pin: "P051234567X", account_code: "STMTFIX" },
      issuer: { account_code: "HEF" },
    });
    const receipt = await getDb().receipt.findUniqueOrThrow({ where: { paymentId: paymentC } });
    expect(statement.lines.map((l) => [l.date, l.type, l.debit, l.credit, l.balance])).toEqual([
      ["2025-07-15", "invoice_voided", 0, 5_000, 0],
      ["2025-08-01", "invoice_issued", 20_000, 0, 20_000],
      ["2025-08-05", "payment_received", 0, 20_000, 0],
      ["2025-09-01", "payment_received", 0, 3_000, -3_000],
      ["2025-09-10", "refund", 3_000, 0, 0],
      ["2026-06-30", "invoice_issued", 7_000, 0, 7_000],
    ]);
    expect(statement.lines[2]).toMatchObject({
      document_number: receipt.receiptNumber,
      method: "mpesa",
      provider_receipt: receipt.providerReceipt,
    });
    expect(statement.lines[0]!.description).toContain("Raised in error");
    const sum = statement.lines.reduce((total, l) => total + l.debit - l.credit, 0);
    expect(statement.opening_balance + sum).toBe(statement.closing_balance);

    // The next period opens where this one closed.
    const next = statementResponse.parse((await call(GET, `${URL}?start_date=2026-07-01&end_date=2026-07-31`, { token: fixture })).body);
    expect(next.statement).toMatchObject({ opening_balance: 7_000, closing_balance: 8_000 });
  });

  it("states each currency apart", async () => {
    const { statement } = statementResponse.parse((await call(GET, `${URL}?${FISCAL_YEAR}&currency=usd`, { token: fixture })).body);
    expect(statement).toMatchObject({ currency: "USD", opening_balance: 0, closing_balance: 400 });
    expect(statement.lines).toHaveLength(1);
  });

  it("reconciles on the seeded account for a July–June year", async () => {
    const { statement } = statementResponse.parse((await call(GET, `${URL}?${FISCAL_YEAR}`, { token: partner })).body);
    expect(statement.lines.length).toBeGreaterThan(0);
    let balance = statement.opening_balance;
    for (const line of statement.lines) {
      balance = Math.round((balance + line.debit - line.credit) * 100) / 100;
      expect(line.balance).toBe(balance);
      expect(line.date >= "2025-07-01" && line.date <= "2026-06-30").toBe(true);
    }
    expect(statement.closing_balance).toBe(balance);
    expect([...statement.lines.map((l) => l.date)]).toEqual([...statement.lines.map((l) => l.date)].sort());
  });

  it("downloads the statement as CSV", async () => {
    const res = await fetchFile(fixture, `${FISCAL_YEAR}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="statement-STMTFIX-KES-2025-07-01-2026-06-30.csv"');
    const rows = parseCsv(res.bytes.toString("utf8"));
    expect(rows[0]).toEqual([
      "date",
      "type",
      "document_number",
      "description",
      "payment_reference",
      "method",
      "provider_receipt",
      "debit",
      "credit",
      "balance",
      "currency",
    ]);
    expect(rows[1]!.slice(0, 2).concat(rows[1]![9]!)).toEqual(["2025-07-01", "opening_balance", "5000.00"]);
    expect(rows.at(-1)!.slice(0, 2).concat(rows.at(-1)!.slice(7, 10))).toEqual([
      "2026-06-30",
      "closing_balance",
      "30000.00",
      "28000.00",
      "7000.00",
    ]);
    expect(rows).toHaveLength(1 + 1 + 6 + 1);
  });

  it("downloads the statement as PDF", async () => {
    const res = await fetchFile(fixture, `${FISCAL_YEAR}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(res.bytes);
    for (const expected of [
      "STATEMENT OF ACCOUNT",
      "Statement Fixture Trust Ltd",
      "KRA PIN: P051234567X",
      "Opening balance Ksh 5,000.00",
      "Closing balance Ksh 7,000.00",
      "positive balance is owed by the partner",
    ])
      expect(text).toContain(expected);
  });

  it("answers 422 naming the failing parameter", async () => {
    const fields = (body: { detail: Array<{ loc: string[] }> }) => body.detail.map((issue) => issue.loc.join("."));
    const cases: Array<[string, string[]]> = [
      ["", ["query.start_date", "query.end_date"]],
      ["start_date=2026-01-01", ["query.end_date"]],
      ["start_date=2026-02-01&end_date=2026-01-31", ["query.end_date"]],
      ["start_date=2020-01-01&end_date=2025-01-01", ["query.end_date"]],
      ["start_date=2026-02-30&end_date=2026-03-01", ["query.start_date"]],
      [`${FISCAL_YEAR}&format=xlsx`, ["query.format"]],
      [`${FISCAL_YEAR}&currency=shillings`, ["query.currency"]],
    ];
    for (const [query, expected] of cases) {
      const res = await call(GET, `${URL}?${query}`, { token: fixture });
      expect(res.status, query).toBe(422);
      expect(fields(res.body), query).toEqual(expected);
    }
    // Just under five years is fine.
    expect((await call(GET, `${URL}?start_date=2020-01-01&end_date=2024-12-31`, { token: fixture })).status).toBe(200);
  });

  it("answers 401 without a token and 403 to other roles", async () => {
    expect((await call(GET, `${URL}?${FISCAL_YEAR}`)).status).toBe(401);
    expect((await call(GET, `${URL}?${FISCAL_YEAR}`, { token: await tokenFor("admin@demo.test") })).status).toBe(403);
  });
});
