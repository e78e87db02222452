/**
 * `npm run bench:pages`: how fast the student page, the county portfolio, the impact page's
 * comparison with unfunded outcomes (by grade and subject), the table searches
 * and the workspace's campaigns, calendar and review history answer on the configured database
 * (DATABASE_URL, or the embedded one). Seed a large portfolio first (`npm run db:seed -- --scale 100`;
 * the creator economy is seeded once, whatever the scale). Prints p50/p95/max milliseconds per
 * operation over `--runs` runs.
 */
import { parseArgs } from "node:util";
import { disconnectDb, getDb } from "../lib/db";
import { actorNamed, timeOperations } from "./bench-support";
import { getStudentProfile } from "../lib/sponsorship/get-student-profile";
import { getCountyPortfolio } from "../lib/sponsorship/get-county-portfolio";
import { partnerWindow } from "../lib/sponsorship/partner-window";
import { computePlatformComparison } from "../lib/sponsorship/platform-comparison";
import { listSponsoredStudents } from "../lib/sponsorship/list-sponsored-students";
import { listSponsorships } from "../lib/sponsorship/list-sponsorships";
import { listPartnerPayments } from "../lib/sponsorship/list-payments";
import { listSponsorshipsQuery } from "../lib/sponsorship/schemas/sponsorships";
import { listPaymentsQuery } from "../lib/sponsorship/schemas/payments";
import { sponsorshipsCsv } from "../lib/sponsorship/sponsorships-csv";
import { listCampaigns } from "../lib/partnerships/list-campaigns";
import { listDueDates } from "../lib/partnerships/list-due-dates";
import { listDeliverableReviews } from "../lib/partnerships/list-deliverable-reviews";
import { listUnfinishedProposals } from "../lib/partnerships/unfinished-proposals";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);

async function main() {
  const db = getDb();
  const [partner, brand] = await Promise.all([actorNamed("partner@demo.test"), actorNamed("brand@demo.test")]);
  const sponsored = await db.sponsorship.findFirstOrThrow({
    where: { partnerId: partner.organizationId! },
    orderBy: { createdAt: "asc" },
    select: { studentId: true, student: { select: { lastName: true } } },
  });
  const partnership = await db.partnership.findFirstOrThrow({ where: { brandId: brand.partyId }, select: { id: true } });
  const [students, sponsorships] = await Promise.all([
    db.student.count(),
    db.sponsorship.count({ where: { partnerId: partner.organizationId! } }),
  ]);
  console.log(
    `${students.toLocaleString("en")} students, ${sponsorships.toLocaleString("en")} sponsorships of the demo partner; ${runs} runs each\n`,
  );
  const q = sponsored.student.lastName.slice(0, 4);
  // The impact page's comparison, uncached: for all students, a grade, a subject, both.
  const yearWindow = await partnerWindow(partner.organizationId!, "year", new Date());
  const comparisons: Array<[string, { gradeLevel?: number; subject?: string }]> = [
    ["no filter", {}],
    ["grade 6", { gradeLevel: 6 }],
    ["Mathematics", { subject: "Mathematics" }],
    ["grade 6 Mathematics", { gradeLevel: 6, subject: "Mathematics" }],
  ];
  await timeOperations(
    [
      ["student page (profile)", () => getStudentProfile({ actor: partner, studentId: sponsored.studentId })],
      ["county portfolio (fresh)", () => getCountyPortfolio({ actor: partner, now: new Date() })],
      ...comparisons.map(
        ([label, filter]) =>
          [
            `unfunded comparison, year, ${label}`,
            () => computePlatformComparison({ partnerId: partner.organizationId!, window: yearWindow, ...filter }),
          ] as [string, () => Promise<unknown>],
      ),
      [`students search "${q}"`, () => listSponsoredStudents({ actor: partner, page: 1, limit: 20, q })],
      [`sponsorships search "${q}"`, () => listSponsorships({ actor: partner, ...listSponsorshipsQuery.parse({}), q })],
      [`payments search "${q}"`, () => listPartnerPayments({ actor: partner, query: listPaymentsQuery.parse({}), q })],
      ["sponsorships CSV export, no filter", () => sponsorshipsCsv({ actor: partner, params: new URLSearchParams() })],
      ["campaigns with spend", () => listCampaigns({ actor: brand })],
      ["calendar, this month", () => listDueDates({ actor: brand })],
      ["review history of a partnership", () => listDeliverableReviews({ actor: brand, partnershipId: partnership.id })],
      ["unfinished proposals", () => listUnfinishedProposals({ actor: brand })],
    ],
    runs,
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
