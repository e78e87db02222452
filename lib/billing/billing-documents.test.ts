/**
 * Invoices and receipts as a finance team reads them: each payer's own gap-free series,
 * lines that add up to the invoice, the parties' details on the PDF, and exactly one
 * receipt per completed payment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createPaymentBody } from "@/lib/sponsorship/schemas/payments";
import { startPayment } from "@/lib/sponsorship/create-payment";
import { completePayment, settlePayment } from "@/lib/sponsorship/complete-payment";
import { actorByEmail } from "@/tests/helpers/actors";
import { pdfText } from "@/tests/helpers/pdf-text";
import type { Actor } from "@/lib/auth/actor";
import { issueReceipt } from "./issue-receipt";
import { nextDocumentNumber } from "./next-document-number";
import { getIssuer } from "./party-details";
import { UNALLOCATED_LINE } from "./raise-invoice";
import { renderInvoicePdf } from "./render-invoice-pdf";
import { renderReceiptPdf } from "./render-receipt-pdf";
import { organizationDetailsBody } from "./schemas/organization";
import { updateOrganizationDetails } from "./update-organization-details";

const YEAR = new Date().getUTCFullYear();
const pay = (partnerId: string, body: Record<string, unknown>) => startPayment({ partnerId, body: createPaymentBody.parse(body) });

let P: string;
let Q: string;
let partner: Actor;
let admin: Actor;
let studentIds: string[];

beforeAll(async () => {
  const db = getDb();
  P = (await db.organization.create({ data: { name: "Numbering Trust", type: "ngo", accountCode: "NUMTRST" } })).id;
  Q = (await db.organization.create({ data: { name: "Other Trust", type: "ngo", accountCode: "OTHTRST" } })).id;
  [partner, admin] = await Promise.all([actorByEmail("partner@demo.test"), actorByEmail("admin@demo.test")]);
  studentIds = (await db.student.findMany({ select: { id: true }, take: 3, orderBy: { id: "asc" } })).map((s) => s.id);
});

describe("document numbers", () => {
  it("numbers each payer's invoices in its own consecutive series", async () => {
    const p1 = await pay(P, { amount: 100, method: "bank_transfer" });
    const q1 = await pay(Q, { amount: 100, method: "bank_transfer" });
    const p2 = await pay(P, { amount: 200, method: "bank_transfer" });
    const numbers = await getDb().invoice.findMany({ where: { id: { in: [p1.invoice_id, q1.invoice_id, p2.invoice_id] } } });
    const byId = new Map(numbers.map((i) => [i.id, i.invoiceNumber]));
    expect(byId.get(p1.invoice_id)).toBe(`INV-NUMTRST-${YEAR}-0001`);
    expect(byId.get(p2.invoice_id)).toBe(`INV-NUMTRST-${YEAR}-0002`);
    expect(byId.get(q1.invoice_id)).toBe(`INV-OTHTRST-${YEAR}-0001`);
  });

  it("gives concurrent payments distinct consecutive numbers", async () => {
    const before = await getDb().documentSequence.findFirstOrThrow({ where: { payerId: P, kind: "invoice", year: YEAR } });
    const made = await Promise.all(Array.from({ length: 5 }, (_, i) => pay(P, { amount: 10 + i, method: "bank_transfer" })));
    const invoices = await getDb().invoice.findMany({ where: { id: { in: made.map((m) => m.invoice_id) } } });
    const sequence = invoices.map((i) => Number(i.invoiceNumber.split("-").at(-1))).sort((a, b) => a - b);
    expect(sequence).toEqual([1, 2, 3, 4, 5].map((n) => before.lastNumber + n));
  });

  it("releases the number of a document whose transaction rolls back", async () => {
    const issuer = await getIssuer(getDb());
    const options = { issuerId: issuer.id, payerId: Q, payerCode: "OTHTRST", kind: "receipt" as const, year: 2031 };
    await expect(
      getDb().$transaction(async (tx) => {
        expect(await nextDocumentNumber(tx, options)).toBe("RCT-OTHTRST-2031-0001");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await getDb().$transaction((tx) => nextDocumentNumber(tx, options))).toBe("RCT-OTHTRST-2031-0001");
    expect(await getDb().$transaction((tx) => nextDocumentNumber(tx, options))).toBe("RCT-OTHTRST-2031-0002");
  });
});

describe("invoice lines", () => {
  it("bills each sponsorship what the payment puts toward it, then the rest as general funding", async () => {
    const db = getDb();
    const [later, earlier] = await Promise.all([
      db.sponsorship.create({
        data: {
          partnerId: P,
          studentId: studentIds[0]!,
          type: "partial",
          amountMinor: 3_000_000n,
          startDate: new Date("2026-03-01"),
          endDate: new Date("2026-12-31"),
        },
      }),
      db.sponsorship.create({
        data: {
          partnerId: P,
          studentId: studentIds[1]!,
          type: "full_scholarship",
          amountMinor: 2_000_000n,
          startDate: new Date("2026-01-01"),
          endDate: new Date("2026-12-31"),
        },
      }),
    ]);
    // 10,000 already disbursed to the earlier one: it needs 10,000 more.
    const seedPayment = await db.payment.create({
      data: { partnerId: P, amountMinor: 1_000_000n, method: "bank_transfer", status: "completed", reference: `BT_LINES_${Date.now()}` },
    });
    await db.disbursement.create({
      data: {
        sponsorshipId: earlier.id,
        paymentId: seedPayment.id,
        amountMinor: 1_000_000n,
        currency: "KES",
        description: "Earlier payment",
        disbursedAt: new Date("2026-01-01"),
        periodStart: new Date("2026-01-01"),
      },
    });
    const made = await pay(P, { amount: 55_000, method: "bank_transfer", sponsorship_ids: [later.id, earlier.id] });
    const invoice = await db.invoice.findUniqueOrThrow({
      where: { id: made.invoice_id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(invoice.lines.map((l) => [l.position, l.sponsorshipId, l.amountMinor])).toEqual([
      [1, earlier.id, 1_000_000n],
      [2, later.id, 3_000_000n],
      [3, null, 1_500_000n],
    ]);
    expect(invoice.lines[0]!.description).toMatch(/^Full scholarship for .+, 2026-01-01 to 2026-12-31$/);
    expect(invoice.lines[2]!.description).toBe(UNALLOCATED_LINE);
    expect(invoice.lines.reduce((sum, l) => sum + l.amountMinor, 0n)).toBe(invoice.amountMinor);

    const capped = await pay(Q, { amount: 100, method: "bank_transfer" });
    const small = await db.invoice.findUniqueOrThrow({ where: { id: capped.invoice_id }, include: { lines: true } });
    expect(small.lines).toHaveLength(1);
    expect(small.lines[0]).toMatchObject({ description: UNALLOCATED_LINE, amountMinor: 10_000n, currency: "KES" });
  });
});

describe("invoice PDF", () => {
  it("shows both parties' legal details, the lines, the due date and how to pay", async () => {
    await updateOrganizationDetails({
      actor: admin,
      organization: "issuer",
      body: { legal_name: "Harambee Education Fund Trust", address: "P.O. Box 30197-00100, Nairobi", kra_pin: "P051111111A" },
    });
    await updateOrganizationDetails({
      actor: partner,
      organization: "own",
      body: organizationDetailsBody.parse({
        legal_name: "Safaricom Foundation Registered Trustees",
        address: "Waiyaki Way, Westlands, Nairobi",
        kra_pin: " p052222222b ",
      }),
    });
    const program = await getDb().program.create({
      data: {
        partnerId: partner.organizationId!,
        name: "Kisumu Reading Circles",
        description: "Reading clubs",
        targetStudents: 30,
        budgetMinor: 10_000_000n,
        startDate: new Date("2026-01-01"),
        endDate: new Date("2026-12-31"),
      },
    });
    const made = await pay(partner.organizationId!, { amount: 57_500, method: "bank_transfer", program_id: program.id });
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { id: made.invoice_id } });
    process.env.MPESA_PAYBILL_NUMBER = "522533";
    const { content, filename } = await renderInvoicePdf({ actor: partner, invoiceId: invoice.id }).finally(() => {
      delete process.env.MPESA_PAYBILL_NUMBER;
    });
    expect(filename).toBe(`${invoice.invoiceNumber}.pdf`);
    const text = await pdfText(content);
    for (const expected of [
      "Harambee Education Fund Trust",
      "P.O. Box 30197-00100, Nairobi",
      "KRA PIN: P051111111A",
      "Safaricom Foundation Registered Trustees",
      "KRA PIN: P052222222B",
      `Invoice number ${invoice.invoiceNumber}`,
      `Due date ${invoice.dueDate.toISOString().slice(0, 10)}`,
      "Status DUE",
      `Program funding: ${program.name}`,
      "How to pay",
      `Reference ${made.payment_reference}`,
      "Account number",
      "M-Pesa Paybill",
      "Business number 522533",
      `Account number ${made.payment_reference}`,
      "payment request is sent to your phone",
    ])
      expect(text).toContain(expected);

    // Issued details are a snapshot: a later change does not rewrite the invoice.
    await updateOrganizationDetails({ actor: partner, organization: "own", body: { legal_name: "Renamed Trustees" } });
    expect(await pdfText((await renderInvoicePdf({ actor: partner, invoiceId: invoice.id })).content)).toContain(
      "Safaricom Foundation Registered Trustees",
    );
  });

  it("marks sandbox payments and shows PAID once paid", async () => {
    const made = await pay(P, { amount: 10, method: "bank_transfer" });
    await getDb().payment.update({ where: { id: made.id }, data: { sandbox: true } });
    await completePayment({ actor: admin, paymentId: made.id, outcome: "completed", source: "admin" });
    // The renderer checks the partner; a fixture user of P reads it.
    await getDb().user.create({
      data: {
        email: "numbering@fixture.test",
        name: "Fixture",
        passwordHash: "x",
        role: "partner",
        organizationId: P,
        memberships: { create: { organizationId: P, role: "viewer" } },
      },
    });
    const user = await actorByEmail("numbering@fixture.test");
    const text = await pdfText((await renderInvoicePdf({ actor: user, invoiceId: made.invoice_id })).content);
    expect(text).toContain("SANDBOX");
    expect(text).toContain("Status PAID");
    expect(text).not.toContain("How to pay");
  });
});

describe("receipts", () => {
  it("issues exactly one receipt when a payment completes, even if completion is applied twice", async () => {
    const made = await pay(partner.organizationId!, { amount: 57_500, method: "bank_transfer", bank_reference: "FT26ABC123" });
    // The API takes whole shillings; a payment with cents (as a provider may report) is written out with them.
    await getDb().payment.update({ where: { id: made.id }, data: { amountMinor: 5_750_050n } });
    await completePayment({ actor: admin, paymentId: made.id, outcome: "completed", source: "admin" });
    await completePayment({ actor: admin, paymentId: made.id, outcome: "completed", source: "admin" });
    await getDb().$transaction((tx) => settlePayment(tx, { paymentId: made.id, outcome: "completed", now: new Date() }));
    const again = await getDb().$transaction((tx) => issueReceipt(tx, { paymentId: made.id, now: new Date() }));
    const receipts = await getDb().receipt.findMany({ where: { paymentId: made.id } });
    expect(receipts).toHaveLength(1);
    const [receipt] = receipts;
    expect(again?.id).toBe(receipt!.id);
    expect(receipt).toMatchObject({ amountMinor: 5_750_050n, currency: "KES", method: "bank_transfer", providerReceipt: "FT26ABC123" });
    const code = (await getDb().organization.findUniqueOrThrow({ where: { id: partner.organizationId! } })).accountCode;
    expect(receipt!.receiptNumber).toMatch(new RegExp(`^RCT-${code}-${YEAR}-\\d{4}$`));

    const text = await pdfText((await renderReceiptPdf({ actor: partner, receiptId: receipt!.id })).content);
    for (const expected of [
      "RECEIPT",
      receipt!.receiptNumber,
      "Kenya Shillings Fifty-Seven Thousand Five Hundred and 50 cents Only",
      "Provider receipt FT26ABC123",
      `Payment reference ${made.payment_reference}`,
      UNALLOCATED_LINE,
    ])
      expect(text).toContain(expected);
  });

  it("issues no receipt for a payment that is not completed", async () => {
    const made = await pay(P, { amount: 10, method: "bank_transfer" });
    expect(await getDb().$transaction((tx) => issueReceipt(tx, { paymentId: made.id, now: new Date() }))).toBeNull();
  });
});
