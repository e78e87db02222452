/**
 * A partner's money, in three figures named once and used everywhere:
 * - **paid in**: payments that completed, each converted to the partner's reporting
 *   currency at the rate recorded when it settled;
 * - **disbursed to sponsorships**: the part of that money allocated to sponsorships for
 *   periods that have started (money paid in for a coming period is disbursed when the
 *   period starts: disbursed_at may lie ahead);
 * - **committed**: what the partner has pledged to their sponsorships (those not
 *   cancelled) over the same dates.
 * Money in another currency without a recorded rate is never converted by guesswork: it
 * is listed apart, per currency, in `not_converted`.
 */
import { getDb, Prisma } from "../db";
import { toMajor } from "../money";
import { addMonths, monthSql, monthStart, splitWindow, type Window } from "./metrics";

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

/** Paid in and disbursed between two instants, read from the records (for parts of a month); disbursed only up to `now`. */
function recordedMoney(partnerId: string, currency: string, from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'paid_in' AS figure, CASE WHEN reporting_currency = ${currency} THEN ${currency} ELSE currency END AS currency,
           COALESCE(reporting_currency = ${currency}, FALSE) AS converted,
           SUM(CASE WHEN reporting_currency = ${currency} THEN reporting_amount_minor ELSE amount_minor END) AS minor
      FROM payments
     WHERE partner_id = ${partnerId}::uuid AND status = 'completed' AND completed_at >= ${from}::timestamptz AND completed_at < ${until}::timestamptz
     GROUP BY 1, 2, 3
    UNION ALL
    ${recordedDisbursed(partnerId, currency, from, until, now)}`;
}

/** Disbursed between two instants and by `now`, read from the records. */
function recordedDisbursed(partnerId: string, currency: string, from: Date, until: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'disbursed_to_sponsorships', CASE WHEN d.reporting_currency = ${currency} THEN ${currency} ELSE d.currency END,
           COALESCE(d.reporting_currency = ${currency}, FALSE),
           SUM(CASE WHEN d.reporting_currency = ${currency} THEN d.reporting_amount_minor ELSE d.amount_minor END)
      FROM disbursements d JOIN sponsorships s ON s.id = d.sponsorship_id
     WHERE s.partner_id = ${partnerId}::uuid AND d.disbursed_at >= ${from}::timestamptz AND d.disbursed_at < ${until}::timestamptz
       AND d.disbursed_at <= ${now}::timestamptz
     GROUP BY 1, 2, 3`;
}

/**
 * The three figures over a window (all time without one), as of `now` (the window's end
 * by default). Whole months are read from partner_money_months, kept by triggers on
 * payments and disbursements; the parts of a month at either end of a report's window
 * from the records. The summaries count a disbursement in the month of its disbursed_at,
 * so from the current month on they hold money scheduled for periods still to come:
 * disbursed is read whole only for months before the current one, and for the current
 * month from the records up to now.
 */
export async function moneyFigures(options: { partnerId: string; window?: Window; now?: Date }): Promise<MoneyFigures> {
  const { partnerId, window } = options;
  const now = options.now ?? window?.until ?? new Date();
  const current = monthStart(now);
  const currency = await reportingCurrencyOf(partnerId);
  const sources: Prisma.Sql[] = [];
  const summaries = (first: Date | null, last: Date | null) => {
    const months = Prisma.sql`${first ? Prisma.sql`AND month >= ${monthSql(first)}` : Prisma.empty} ${last ? Prisma.sql`AND month <= ${monthSql(last)}` : Prisma.empty}`;
    sources.push(Prisma.sql`SELECT figure, currency, converted, minor FROM partner_money_months
       WHERE partner_id = ${partnerId}::uuid AND (figure <> 'disbursed_to_sponsorships' OR month < ${monthSql(current)}) ${months}`);
    // The current month's disbursements, from the records (the summaries above stop before it).
    if (!last || last.getTime() >= current.getTime()) {
      const from = first && first.getTime() > current.getTime() ? first : current;
      const until = last ? addMonths(last, 1) : addMonths(current, 1);
      if (from.getTime() < until.getTime()) sources.push(recordedDisbursed(partnerId, currency, from, until, now));
    }
  };
  if (!window) {
    summaries(null, null);
  } else {
    const { whole, parts } = splitWindow(window);
    if (whole) summaries(whole.first, whole.last);
    for (const part of parts) sources.push(recordedMoney(partnerId, currency, part.from, part.until, now));
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
