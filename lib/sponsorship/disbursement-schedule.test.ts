/**
 * A sponsorship's money follows its calendar: paid in at once, disbursed period by period
 * as each monthly period starts. Every figure named "disbursed" (the sponsorship, the
 * sponsorship list, the dashboard's and the impact report's money) counts only the
 * periods that have started by `now`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { completePayment } from "./complete-payment";
import { computeImpact } from "./compute-impact";
import { createPayment } from "./create-payment";
import { getDashboardStats } from "./get-dashboard-stats";
import { getSponsorship } from "./get-sponsorship";
import { listSponsorships } from "./list-sponsorships";
import { moneyFigures } from "./money";
import { partnerWindow } from "./partner-window";

const HOUR = 3_600_000;
let admin: Actor;
let actor: Actor;
let partnerId: string;
let studentIds: string[];

const monthsFrom = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
/** A year's sponsorship of KES 120,000 from `start`: twelve periods of KES 10,000. */
const yearFrom = (start: Date) => ({ startDate: start, endDate: new Date(monthsFrom(start, 12).getTime() - 24 * HOUR) });

beforeAll(async () => {
  const db = getDb();
  admin = await actorByEmail("admin@demo.test");
  partnerId = (await db.organization.create({ data: { name: "Calendar Trust", type: "foundation" } })).id;
  const user = await db.user.create({
    data: {
      email: "calendar@fixture.test",
      name: "Calendar Partner",
      passwordHash: "-",
      role: "partner",
      organizationId: partnerId,
      memberships: { create: { organizationId: partnerId, role: "owner" } },
    },
  });
  actor = await actorByEmail(user.email);
  studentIds = (await db.student.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } })).map((s) => s.id);
});

async function sponsorAndPay(index: number, dates: { startDate: Date; endDate: Date }, now: Date) {
  const sponsorship = await getDb().sponsorship.create({
    data: { partnerId, studentId: studentIds[index]!, type: "full_scholarship", amountMinor: 12_000_000n, ...dates },
  });
  const payment = await createPayment({
    actor,
    body: {
      amount: 120_000,
      currency: "KES",
      method: "bank_transfer",
      bank_reference: `FT-CAL-${index}`,
      phone_number: undefined,
      sponsorship_ids: [sponsorship.id],
    },
    now,
  });
  await completePayment({ actor: admin, paymentId: payment.id, outcome: "completed", source: "admin", now });
  return sponsorship.id;
}

/** What each place that shows money says was disbursed, and was paid in, as of `now`. */
async function figuresAt(sponsorshipId: string, now: Date) {
  const detail = await getSponsorship({ actor, sponsorshipId, now });
  const list = await listSponsorships({ actor, page: 1, limit: 20, sort_by: "created_at", sort_order: "asc", now });
  const dashboard = await getDashboardStats({ actor, now });
  const impact = await computeImpact({ partnerId, window: await partnerWindow(partnerId, "all_time", now) });
  const overall = await moneyFigures({ partnerId, now });
  return {
    detail: detail.financial,
    listed: list.sponsorships.find((s) => s.id === sponsorshipId)!.amount_disbursed,
    dashboard: dashboard.money,
    impact: impact.money,
    overall,
  };
}

describe("disbursement follows the calendar", () => {
  const now = new Date();
  const nextMonth = monthsFrom(now, 1);
  let upcoming: string;

  it("commits a sponsorship starting next month in full and disburses nothing yet", async () => {
    upcoming = await sponsorAndPay(0, yearFrom(nextMonth), now);
    const rows = await getDb().disbursement.findMany({ where: { sponsorshipId: upcoming }, orderBy: { periodStart: "asc" } });
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.amountMinor))).toEqual(new Set([1_000_000n]));
    for (const [k, row] of rows.entries()) {
      expect(row.periodStart).toEqual(monthsFrom(nextMonth, k));
      expect(row.disbursedAt).toEqual(monthsFrom(nextMonth, k));
    }

    // A minute on: windows end at `now`, exclusive, and the payment completed at `now`.
    const at = await figuresAt(upcoming, new Date(now.getTime() + 60_000));
    expect(at.detail).toMatchObject({
      total_amount: 120_000,
      amount_paid_in: 120_000,
      amount_disbursed: 0,
      amount_committed: 120_000,
      amount_remaining: 120_000,
      amount_unpaid: 0,
    });
    expect(at.detail.disbursement_history).toHaveLength(12);
    expect(at.detail.disbursement_history.every((row) => row.status === "scheduled")).toBe(true);
    expect(at.detail.disbursement_history[0]).toMatchObject({ period_start: nextMonth.toISOString().slice(0, 10), amount: 10_000 });
    expect(at.listed).toBe(0);
    for (const money of [at.dashboard, at.impact, at.overall])
      expect(money).toMatchObject({ paid_in: 120_000, disbursed_to_sponsorships: 0 });
  });

  it("disburses the first period once it has started, everywhere alike", async () => {
    const later = new Date(nextMonth.getTime() + HOUR);
    const at = await figuresAt(upcoming, later);
    expect(at.detail).toMatchObject({
      amount_paid_in: 120_000,
      amount_disbursed: 10_000,
      amount_committed: 110_000,
      amount_remaining: 110_000,
    });
    expect(at.detail.disbursement_history.map((row) => row.status)).toEqual(["disbursed", ...Array(11).fill("scheduled")]);
    expect(at.listed).toBe(10_000);
    for (const money of [at.dashboard, at.impact, at.overall])
      expect(money).toMatchObject({ paid_in: 120_000, disbursed_to_sponsorships: 10_000 });
  });

  it("disburses at once the periods of a sponsorship that started months ago", async () => {
    const paidAt = new Date(nextMonth.getTime() + 2 * HOUR);
    // Started three months before the month it is paid in: four periods (that month's too) have started.
    const started = await sponsorAndPay(1, yearFrom(monthsFrom(paidAt, -3)), paidAt);
    const rows = await getDb().disbursement.findMany({ where: { sponsorshipId: started }, orderBy: { periodStart: "asc" } });
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 4).map((r) => r.disbursedAt)).toEqual(Array(4).fill(paidAt));
    expect(rows[4]!.disbursedAt).toEqual(monthsFrom(paidAt, 1));

    const at = await figuresAt(started, new Date(paidAt.getTime() + 60_000));
    expect(at.detail).toMatchObject({ amount_disbursed: 40_000, amount_committed: 80_000, amount_remaining: 80_000, amount_unpaid: 0 });
    expect(at.listed).toBe(40_000);
    // Both sponsorships: the first one's first period, and the second one's four.
    for (const money of [at.dashboard, at.impact, at.overall])
      expect(money).toMatchObject({ paid_in: 240_000, disbursed_to_sponsorships: 50_000 });
  });

  it("lays a later payment over the periods after what earlier payments gave", async () => {
    const start = monthsFrom(now, -1);
    const sponsorship = await getDb().sponsorship.create({
      data: { partnerId, studentId: studentIds[0]!, type: "partial", amountMinor: 120_000n, ...yearFrom(start) },
    });
    for (const [i, amount] of [250, 700].entries()) {
      const payment = await createPayment({
        actor,
        body: {
          amount,
          currency: "KES",
          method: "bank_transfer",
          bank_reference: `FT-LAY-${i}`,
          phone_number: undefined,
          sponsorship_ids: [sponsorship.id],
        },
        now,
      });
      await completePayment({ actor: admin, paymentId: payment.id, outcome: "completed", source: "admin", now });
    }
    const rows = await getDb().disbursement.findMany({
      where: { sponsorshipId: sponsorship.id },
      include: { payment: { select: { amountMinor: true } } },
      orderBy: [{ periodStart: "asc" }, { amountMinor: "asc" }],
    });
    // KES 100 a period: the first payment fills two and a half, the second goes on from there.
    expect(
      rows.map((r) => [r.periodStart.toISOString().slice(0, 10), Number(r.amountMinor) / 100, Number(r.payment!.amountMinor) / 100]),
    ).toEqual([
      [start.toISOString().slice(0, 10), 100, 250],
      [monthsFrom(start, 1).toISOString().slice(0, 10), 100, 250],
      [monthsFrom(start, 2).toISOString().slice(0, 10), 50, 250],
      [monthsFrom(start, 2).toISOString().slice(0, 10), 50, 700],
      ...[3, 4, 5, 6, 7, 8].map((k) => [monthsFrom(start, k).toISOString().slice(0, 10), 100, 700]),
      [monthsFrom(start, 9).toISOString().slice(0, 10), 50, 700],
    ]);
  });
});
