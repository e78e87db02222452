import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { getDb } from "@/lib/db";
import { listSponsorships } from "./list-sponsorships";
import { listSponsorshipsQuery } from "./schemas/sponsorships";
import { SPONSORSHIP_CSV_COLUMNS, sponsorshipsCsv } from "./sponsorships-csv";

const query = (input: Record<string, unknown> = {}) => listSponsorshipsQuery.parse(input);

/** Every sponsorship of a partner with its student's name, as the list shows it. */
async function portfolio(partnerId: string) {
  const rows = await getDb().sponsorship.findMany({ where: { partnerId }, include: { student: true } });
  return rows.map((row) => ({ id: row.id, status: row.status, name: `${row.student.firstName} ${row.student.lastName}` }));
}

/** Every page of a search, a few rows at a time. */
async function allPages(options: Parameters<typeof listSponsorships>[0]) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listSponsorships({ ...options, page });
    ids.push(...result.sponsorships.map((item) => item.id));
    if (page >= result.pages) return { ids, total: result.total };
  }
}

describe("searching the sponsorships list", () => {
  it("matches the student's name in any case across every page, with the status filter", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const mine = await portfolio(partner.organizationId!);
    // Two letters that several names share but not all, so the matches span pages of two.
    const bigrams = new Set(mine.flatMap((row) => [...row.name.toLowerCase()].slice(1).map((c, i) => row.name.toLowerCase()[i] + c)));
    const share = (pair: string) => mine.filter((row) => row.name.toLowerCase().includes(pair)).length;
    const pair = [...bigrams].filter((p) => /^[a-z]{2}$/.test(p)).find((p) => share(p) >= 3 && share(p) < mine.length);
    expect(pair, "the demo data has two letters shared by several names").toBeDefined();
    const needle = pair!.toUpperCase();
    const expected = mine.filter((row) => row.name.toLowerCase().includes(needle.toLowerCase()));
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(mine.length);

    const found = await allPages({ actor: partner, ...query({ limit: 2 }), q: needle });
    expect(found.total).toBe(expected.length);
    expect(found.ids.sort()).toEqual(expected.map((row) => row.id).sort());

    const status = expected[0]!.status;
    const withStatus = await allPages({ actor: partner, ...query({ limit: 2, status }), q: needle });
    expect(withStatus.ids.sort()).toEqual(
      expected
        .filter((row) => row.status === status)
        .map((row) => row.id)
        .sort(),
    );
  });

  it("never shows another partner's sponsorships and takes % and _ as themselves", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const other = await actorByEmail("partner2@demo.test");
    const theirs = await portfolio(other.organizationId!);
    const mine = new Set((await portfolio(partner.organizationId!)).map((row) => row.id));
    const name = (await portfolio(partner.organizationId!))[0]!.name;

    const seen = await allPages({ actor: other, ...query({ limit: 100 }), q: name });
    expect(seen.ids.every((id) => !mine.has(id))).toBe(true);
    expect(seen.ids.sort()).toEqual(
      theirs
        .filter((row) => row.name.toLowerCase().includes(name.toLowerCase()))
        .map((row) => row.id)
        .sort(),
    );
    expect((await listSponsorships({ actor: partner, ...query(), q: "%" })).total).toBe(0);
    expect((await listSponsorships({ actor: partner, ...query(), q: "_" })).total).toBe(0);
    await expect(listSponsorships({ actor: await actorByEmail("brand@demo.test"), ...query(), q: name })).rejects.toMatchObject({
      code: "insufficient_permissions",
    });
  });

  it("exports every matching row with the page's filters, in the list's order", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const mine = await portfolio(partner.organizationId!);
    const status = mine[0]!.status;
    const needle = mine[0]!.name.split(" ")[1]!.toLowerCase();
    const params = new URLSearchParams({ status, q: needle, sort_by: "student_name", sort_order: "asc", page: "3", limit: "1" });
    const file = await sponsorshipsCsv({ actor: partner, params });
    const [header, ...rows] = parseCsv(file.csv);
    expect(header).toEqual([...SPONSORSHIP_CSV_COLUMNS]);
    const expected = mine.filter((row) => row.status === status && row.name.toLowerCase().includes(needle));
    expect(rows.map((row) => row[0]).sort()).toEqual(expected.map((row) => row.id).sort());
    const listed = await listSponsorships({
      actor: partner,
      ...query({ status, sort_by: "student_name", sort_order: "asc", limit: 100 }),
      q: needle,
    });
    expect(rows.map((row) => row[0])).toEqual(listed.sponsorships.map((item) => item.id));
    expect(rows.every((row) => row[6] === status)).toBe(true);
    expect(file.capped).toBe(false);
    expect(file.name).toBe("sponsorships");
  });
});
