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
  amount: number;
  currency: string;
}

export const UNPAID_SPONSORSHIP_LIMIT = 100;

/** The partner's pending sponsorships (waiting for a payment), newest first. */
export async function listUnpaidSponsorships(options: ListUnpaidSponsorshipsOptions): Promise<UnpaidSponsorshipOption[]> {
  const partnerId = partnerOf(options.actor);
  const rows = await getDb().sponsorship.findMany({
    where: { partnerId, status: "pending" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: UNPAID_SPONSORSHIP_LIMIT,
    select: { id: true, amountMinor: true, currency: true, student: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    student_name: `${row.student.firstName} ${row.student.lastName}`,
    amount: toMajor(row.amountMinor),
    currency: row.currency,
  }));
}
