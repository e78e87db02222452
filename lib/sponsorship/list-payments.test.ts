import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { getDb } from "@/lib/db";
import { labelFor } from "@/lib/humanize";
import { listPartnerPayments } from "./list-payments";
import { INVOICE_CSV_COLUMNS, invoicesCsv, PAYMENT_CSV_COLUMNS, paymentsCsv } from "./payments-csv";
import { listInvoices } from "./list-invoices";
import { listPaymentsQuery } from "./schemas/payments";
import { listInvoicesQuery } from "./schemas/invoices";

/** Every payment of a partner with the text the search reads, worked out here apart from the SQL. */
async function payments(partnerId: string) {
  const rows = await getDb().payment.findMany({
    where: { partnerId },
    include: { sponsorships: { include: { sponsorship: { include: { student: true } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    method: row.method,
    texts: [
      row.reference,
      row.bankReference,
      row.providerRef,
      row.receipt,
      row.description,
      labelFor(row.method),
      row.method.replace(/_/g, " "),
      ...row.sponsorships.map(({ sponsorship: { student } }) => `${student.firstName} ${student.lastName}`),
    ].flatMap((text) => (text ? [text.toLowerCase()] : [])),
  }));
}

const matching = <T extends { texts: string[] }>(rows: T[], needle: string) =>
  rows.filter((row) => row.texts.some((text) => text.includes(needle.toLowerCase())));

/** Every page of a search, a few rows at a time. */
async function allPages(options: Omit<Parameters<typeof listPartnerPayments>[0], "query"> & { query: Record<string, unknown> }) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listPartnerPayments({ ...options, query: listPaymentsQuery.parse({ ...options.query, page }) });
    ids.push(...result.payments.map((item) => item.id));
    if (page >= result.pages) return { ids, total: result.total };
  }
}

describe("searching the payments list", () => {
  it("matches a covered student's name, a reference or the method in any case across every page, with the filters", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const mine = await payments(partner.organizationId!);
    const covered = await getDb().student.findFirst({
      where: { sponsorships: { some: { partnerId: partner.organizationId!, payments: { some: {} } } } },
    });
    expect(covered, "the demo data has a payment for a sponsored student").not.toBeNull();
    const reference = (await getDb().payment.findFirst({ where: { partnerId: partner.organizationId! } }))!.reference;
    for (const needle of [covered!.lastName.toUpperCase(), `${covered!.firstName} ${covered!.lastName}`, reference.slice(0, 4), "m-pesa"]) {
      const expected = matching(mine, needle);
      expect(expected.length, needle).toBeGreaterThan(0);
      const found = await allPages({ actor: partner, query: { limit: 2 }, q: needle });
      expect(found.total, needle).toBe(expected.length);
      expect(found.ids.sort(), needle).toEqual(expected.map((row) => row.id).sort());
    }

    const needle = reference.slice(0, 2);
    const { status, method } = matching(mine, needle)[0]!;
    const filtered = await allPages({ actor: partner, query: { limit: 2, status, method }, q: needle });
    expect(filtered.ids.sort()).toEqual(
      matching(mine, needle)
        .filter((row) => row.status === status && row.method === method)
        .map((row) => row.id)
        .sort(),
    );
  });

  it("never shows another partner's payments and takes % and _ as themselves", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const other = await actorByEmail("partner2@demo.test");
    const mine = new Set((await payments(partner.organizationId!)).map((row) => row.id));
    const theirs = await payments(other.organizationId!);
    const reference = (await getDb().payment.findFirst({ where: { partnerId: partner.organizationId! } }))!.reference;

    const seen = await allPages({ actor: other, query: { limit: 100 }, q: reference.slice(0, 3) });
    expect(seen.ids.every((id) => !mine.has(id))).toBe(true);
    expect(seen.ids.sort()).toEqual(
      matching(theirs, reference.slice(0, 3))
        .map((row) => row.id)
        .sort(),
    );
    expect((await listPartnerPayments({ actor: other, query: listPaymentsQuery.parse({}), q: reference })).total).toBe(0);
    const all = (await listPartnerPayments({ actor: partner, query: listPaymentsQuery.parse({}) })).total;
    // A reference with one character put as _ and one cut out for %: neither is a wildcard.
    const mineAll = await payments(partner.organizationId!);
    for (const needle of ["%", `${reference[0]}_${reference.slice(2)}`, `${reference.slice(0, 3)}%${reference.slice(4)}`]) {
      const expected = matching(mineAll, needle).length;
      expect(expected, needle).toBeLessThan(all);
      expect((await listPartnerPayments({ actor: partner, query: listPaymentsQuery.parse({}), q: needle })).total, needle).toBe(expected);
    }
    await expect(
      listPartnerPayments({ actor: await actorByEmail("brand@demo.test"), query: listPaymentsQuery.parse({}), q: reference }),
    ).rejects.toMatchObject({ code: "insufficient_permissions" });
  });

  it("exports every matching payment with the page's filters, newest first, whatever page is shown", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const mine = await payments(partner.organizationId!);
    const needle = (await getDb().payment.findFirst({ where: { partnerId: partner.organizationId! } }))!.reference.slice(0, 2);
    const status = matching(mine, needle)[0]!.status;
    const file = await paymentsCsv({ actor: partner, params: new URLSearchParams({ status, q: needle, page: "3", invoice_q: "zzz" }) });
    const [header, ...rows] = parseCsv(file.csv);
    expect(header).toEqual([...PAYMENT_CSV_COLUMNS]);
    const expected = matching(mine, needle).filter((row) => row.status === status);
    expect(rows.map((row) => row[0]).sort()).toEqual(expected.map((row) => row.id).sort());
    const listed = await listPartnerPayments({ actor: partner, query: listPaymentsQuery.parse({ status, limit: 100 }), q: needle });
    expect(rows.map((row) => row[0])).toEqual(listed.payments.map((item) => item.id));
    expect(rows.every((row) => row[7] === status)).toBe(true);
    expect(file).toMatchObject({ name: "payments", capped: false });
  });
});

describe("searching the invoices list", () => {
  async function invoices(partnerId: string) {
    const rows = await getDb().invoice.findMany({ where: { partnerId }, include: { program: true } });
    return rows.map((row) => ({
      id: row.id,
      number: row.invoiceNumber,
      status: row.status,
      texts: [row.invoiceNumber, row.description, row.program?.name].flatMap((text) => (text ? [text.toLowerCase()] : [])),
    }));
  }

  it("matches the invoice number across pages with the status filter, for the caller's partner only, and exports the matches", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const other = await actorByEmail("partner2@demo.test");
    const mine = await invoices(partner.organizationId!);
    expect(mine.length).toBeGreaterThan(2);
    // The number's stem without its last digits, so that several invoices share it.
    const needle = mine[0]!.number.slice(0, -2).toLowerCase();
    const expected = matching(mine, needle);
    expect(expected.length).toBeGreaterThan(1);

    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const result = await listInvoices({ actor: partner, query: listInvoicesQuery.parse({ limit: 2, page }), q: needle.toUpperCase() });
      ids.push(...result.invoices.map((invoice) => invoice.id));
      expect(result.total).toBe(expected.length);
      if (page >= result.pages) break;
    }
    expect(ids.sort()).toEqual(expected.map((row) => row.id).sort());

    const status = expected[0]!.status;
    const withStatus = await listInvoices({ actor: partner, query: listInvoicesQuery.parse({ status, limit: 100 }), q: needle });
    expect(withStatus.invoices.map((invoice) => invoice.id).sort()).toEqual(
      expected
        .filter((row) => row.status === status)
        .map((row) => row.id)
        .sort(),
    );
    const theirs = await listInvoices({ actor: other, query: listInvoicesQuery.parse({ limit: 100 }), q: mine[0]!.number });
    expect(theirs.invoices.map((invoice) => invoice.id)).not.toContain(mine[0]!.id);
    expect((await listInvoices({ actor: partner, query: listInvoicesQuery.parse({}), q: "%" })).total).toBe(matching(mine, "%").length);

    const file = await invoicesCsv({
      actor: partner,
      params: new URLSearchParams({ invoice_status: status, invoice_q: needle, q: "zzz" }),
    });
    const [header, ...rows] = parseCsv(file.csv);
    expect(header).toEqual([...INVOICE_CSV_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(withStatus.invoices.map((invoice) => invoice.id));
    expect(file).toMatchObject({ name: "invoices", capped: false });
  });
});
