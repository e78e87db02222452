/** The sponsorships a payment can fund. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { partnerOf } from "./partner-of";

export interface ListUnpaidSponsorshipsOptions {
  actor: Actor;
}

export interface UnpaidSponsorshipOption {
  id: string;
  student_name: string;
  /** What is still unpaid: the sponsorship's amount less what payments have already given it. */
  amount: number;
  /** The sponsorship's whole amount. */
  total_amount: number;
  currency: string;
}

export const UNPAID_SPONSORSHIP_LIMIT = 100;

/**
 * The partner's pending sponsorships still short of their amount (partly funded ones with
 * what remains), newest first; none that a pending payment already covers, since paying
 * for those again would fund them twice.
 */
export async function listUnpaidSponsorships(options: ListUnpaidSponsorshipsOptions): Promise<UnpaidSponsorshipOption[]> {
  const partnerId = partnerOf(options.actor, "read");
  const rows = await getDb().$queryRaw<
    Array<{ id: string; first_name: string; last_name: string; amount_minor: bigint; received_minor: bigint; currency: string }>
  >`
    SELECT s.id::text, st.first_name, st.last_name, s.amount_minor, trim(s.currency) AS currency,
           COALESCE((SELECT SUM(d.amount_minor) FROM disbursements d WHERE d.sponsorship_id = s.id), 0)::bigint AS received_minor
      FROM sponsorships s JOIN students st ON st.id = s.student_id
     WHERE s.partner_id = ${partnerId}::uuid AND s.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM payment_sponsorships ps JOIN payments p ON p.id = ps.payment_id
                        WHERE ps.sponsorship_id = s.id AND p.status = 'pending')
       AND COALESCE((SELECT SUM(d.amount_minor) FROM disbursements d WHERE d.sponsorship_id = s.id), 0) < s.amount_minor
     ORDER BY s.created_at DESC, s.id DESC
     LIMIT ${UNPAID_SPONSORSHIP_LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    student_name: `${row.first_name} ${row.last_name}`,
    amount: toMajor(BigInt(row.amount_minor) - BigInt(row.received_minor)),
    total_amount: toMajor(BigInt(row.amount_minor)),
    currency: row.currency,
  }));
}
