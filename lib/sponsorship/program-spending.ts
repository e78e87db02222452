import { Prisma, type DbTx } from "../db";

/**
 * Money spent on each program, in minor units of the program's currency. Defined once, here:
 *   completed payments made for the program (payments.program_id)
 * + disbursements to sponsorships linked to the program, unless the disbursement came
 *   from a payment for that same program (already counted above), for periods that have
 *   started by `now` (money paid in for a coming period is not yet spent).
 * Sponsorships of a program are paid by the partner's general (batch) payments, so
 * without the second term a program's own students would look unfunded. Money in
 * another currency counts at the rate recorded when it settled; without one it is not
 * counted (never converted by guesswork).
 */
export async function programSpending(db: DbTx, programIds: readonly string[], now: Date = new Date()): Promise<Map<string, bigint>> {
  if (programIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ program_id: string; spent: bigint | number | string }>>`
    SELECT pr.id::text AS program_id,
      (COALESCE((SELECT SUM(CASE WHEN p.currency = pr.currency THEN p.amount_minor WHEN p.reporting_currency = pr.currency THEN p.reporting_amount_minor END)
                   FROM payments p WHERE p.program_id = pr.id AND p.status = 'completed'), 0)
       + COALESCE((SELECT SUM(CASE WHEN d.currency = pr.currency THEN d.amount_minor WHEN d.reporting_currency = pr.currency THEN d.reporting_amount_minor END)
                   FROM disbursements d
                   JOIN sponsorships s ON s.id = d.sponsorship_id
                   LEFT JOIN payments dp ON dp.id = d.payment_id
                   WHERE s.program_id = pr.id AND dp.program_id IS DISTINCT FROM pr.id AND d.disbursed_at <= ${now}::timestamptz), 0))::text AS spent
    FROM programs pr WHERE pr.id IN (${Prisma.join(programIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  return new Map(rows.map((row) => [row.program_id, BigInt(row.spent)]));
}
