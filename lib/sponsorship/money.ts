/**
 * A partner's money, in three figures named once and used everywhere:
 * - **paid in**: payments that completed, each converted to the partner's reporting
 *   currency at the rate recorded when it settled;
 * - **disbursed to sponsorships**: the part of that money allocated to sponsorships;
 * - **committed**: what the partner has pledged to their sponsorships (those not
 *   cancelled) over the same dates.
 * Money in another currency without a recorded rate is never converted by guesswork: it
 * is listed apart, per currency, in `not_converted`.
 */
import { getDb, Prisma } from "../db";
import { toMajor } from "../money";
import { monthSql, splitWindow, type Window } from "./metrics";

export interface MoneyFigures {
  currency: string;
  paid_in: number;
  disbursed_to_sponsorships: number;
  committed: number;
  not_converted: Array<{ figure: "paid_in" | "disbursed_to_sponsorships" | "committed"; currency: string; amount: number }>;
}

export const DEFAULT_REPORTING_CURRENCY = "KES";

export async function reportingCurrencyOf(partnerId: string): Promise<string> {
  const org = await getDb().organization.findUnique({ where: { id: partnerId }, select: { reportingCurrency: true } });
  return org?.reportingCurrency.trim() ?? DEFAULT_REPORTING_CURRENCY;
}

type MoneyRow = { figure: MoneyFigures["not_converted"][number]["figure"]; currency: string; converted: boolean; minor: string };

/** Paid in and disbursed between two instants, read from the records (for parts of a month). */
function recordedMoney(partnerId: string, currency: string, from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'paid_in' AS figure, CASE WHEN reporting_currency = ${currency} THEN ${currency} ELSE currency END AS currency,
           COALESCE(reporting_currency = ${currency}, FALSE) AS converted,
           SUM(CASE WHEN reporting_currency = ${currency} THEN reporting_amount_minor ELSE amount_minor END) AS minor
      FROM payments
     WHERE partner_id = ${partnerId}::uuid AND status = 'completed' AND completed_at >= ${from}::timestamptz AND completed_at < ${until}::timestamptz
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'disbursed_to_sponsorships', CASE WHEN d.reporting_currency = ${currency} THEN ${currency} ELSE d.currency END,
           COALESCE(d.reporting_currency = ${currency}, FALSE),
           SUM(CASE WHEN d.reporting_currency = ${currency} THEN d.reporting_amount_minor ELSE d.amount_minor END)
      FROM disbursements d JOIN sponsorships s ON s.id = d.sponsorship_id
     WHERE s.partner_id = ${partnerId}::uuid AND d.disbursed_at >= ${from}::timestamptz AND d.disbursed_at < ${until}::timestamptz
     GROUP BY 1, 2, 3`;
}

/**
 * The three figures over a window (all time without one). Whole months are read from
 * partner_money_months, kept by triggers on payments and disbursements; the parts of a
 * month at either end of a report's window from the records.
 */
export async function moneyFigures(options: { partnerId: string; window?: Window }): Promise<MoneyFigures> {
  const { partnerId, window } = options;
  const currency = await reportingCurrencyOf(partnerId);
  const sources: Prisma.Sql[] = [];
  if (!window) {
    sources.push(Prisma.sql`SELECT figure, currency, converted, minor FROM partner_money_months WHERE partner_id = ${partnerId}::uuid`);
  } else {
    const { whole, parts } = splitWindow(window);
    if (whole) {
      sources.push(Prisma.sql`SELECT figure, currency, converted, minor FROM partner_money_months
         WHERE partner_id = ${partnerId}::uuid AND month >= ${monthSql(whole.first)} AND month <= ${monthSql(whole.last)}`);
    }
    for (const part of parts) sources.push(recordedMoney(partnerId, currency, part.from, part.until));
  }
  sources.push(Prisma.sql`
    SELECT 'committed', currency, currency = ${currency}, SUM(amount_minor)
      FROM sponsorships
     WHERE partner_id = ${partnerId}::uuid AND status <> 'cancelled'
       ${window ? Prisma.sql`AND start_date::timestamp AT TIME ZONE 'UTC' < ${window.until}::timestamptz AND (end_date + 1)::timestamp AT TIME ZONE 'UTC' > ${window.from}::timestamptz` : Prisma.empty}
     GROUP BY 1, 2, 3`);
  const rows = await getDb().$queryRaw<MoneyRow[]>`
    SELECT figure, trim(currency) AS currency, converted, SUM(minor)::text AS minor
      FROM (${Prisma.join(sources, " UNION ALL ")}) m (figure, currency, converted, minor)
     GROUP BY 1, 2, 3`;
  const total = (figure: string) =>
    toMajor(rows.filter((r) => r.figure === figure && r.converted).reduce((sum, r) => sum + BigInt(r.minor), 0n));
  return {
    currency,
    paid_in: total("paid_in"),
    disbursed_to_sponsorships: total("disbursed_to_sponsorships"),
    committed: total("committed"),
    not_converted: rows
      .filter((r) => !r.converted)
      .map((r) => ({ figure: r.figure, currency: r.currency, amount: toMajor(BigInt(r.minor)) }))
      .sort((a, b) => a.figure.localeCompare(b.figure) || a.currency.localeCompare(b.currency)),
  };
}
