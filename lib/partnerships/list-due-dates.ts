/**
 * The calendar of a creator's or brand's partnerships: what falls due in a month (deliverables
 * not yet approved, payments not yet funded, reviews awaiting the brand, partnerships ending)
 * and what is already overdue, in one query over the actor's party's partnerships.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { requirePermission } from "../organizations/permissions";
import { requireParticipant } from "./access";
import { partyName, partySelect } from "./proposal-view";
import { formatMoney } from "../format";

export type DueKind = "deliverable" | "review" | "payment" | "partnership_end";

export interface DueItem {
  kind: DueKind;
  at: string;
  partnershipId: string;
  /** The other party's name. */
  counterpart: string;
  title: string;
  /** What this party has to do by then, or null when it waits on the other party. */
  yours: boolean;
}

export interface DueDates {
  month: string;
  items: DueItem[];
  overdue: DueItem[];
}

interface Row {
  kind: DueKind;
  at: Date;
  partnership_id: string;
  title: string;
  amount_minor: bigint | null;
  currency: string;
  creator_id: string;
  brand_id: string;
}

/** `month` is YYYY-MM (UTC); the current month when absent or malformed. */
export async function listDueDates(options: { actor: Actor; month?: string; now?: Date }): Promise<DueDates> {
  const { actor } = options;
  requireParticipant(actor);
  requirePermission(actor, "read");
  const now = options.now ?? new Date();
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(options.month ?? "") ? options.month! : now.toISOString().slice(0, 7);
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const db = getDb();
  const rows = await db.$queryRaw<Row[]>`
    WITH mine AS (
      SELECT id, creator_id, brand_id, currency, end_date, status FROM partnerships
       WHERE (creator_id = ${actor.partyId}::uuid OR brand_id = ${actor.partyId}::uuid) AND status = 'active'
    ), due AS (
      SELECT 'deliverable' AS kind, d.due_date AS at, d.partnership_id, d.description AS title, NULL::bigint AS amount_minor
        FROM deliverables d JOIN mine m ON m.id = d.partnership_id
       WHERE d.status IN ('pending', 'in_progress')
      UNION ALL
      SELECT 'review', d.review_deadline_at, d.partnership_id, d.description, NULL
        FROM deliverables d JOIN mine m ON m.id = d.partnership_id
       WHERE d.status = 'submitted' AND d.review_deadline_at IS NOT NULL AND d.review_paused_at IS NULL
      UNION ALL
      SELECT 'payment', p.due_date, p.partnership_id, p.type::text, p.amount_minor
        FROM partnership_payments p JOIN mine m ON m.id = p.partnership_id
       WHERE p.status IN ('pending', 'failed') AND p.due_date IS NOT NULL
      UNION ALL
      SELECT 'partnership_end', m.end_date, m.id, 'Partnership ends', NULL FROM mine m
    )
    SELECT due.kind, due.at, due.partnership_id, due.title, due.amount_minor, m.currency, m.creator_id, m.brand_id
      FROM due JOIN mine m ON m.id = due.partnership_id
     WHERE (due.at >= ${from} AND due.at < ${to}) OR (due.at < ${now} AND due.kind <> 'partnership_end')
     ORDER BY due.at, due.kind, due.title`;
  const parties = await db.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.creator_id, r.brand_id]))] } },
    select: partySelect,
  });
  const nameOf = new Map(parties.map((u) => [u.id, partyName(u)]));
  const side = (r: Row) => (r.creator_id === actor.partyId ? "creator" : "brand");
  const item = (r: Row): DueItem => ({
    kind: r.kind,
    at: r.at.toISOString(),
    partnershipId: r.partnership_id,
    counterpart: nameOf.get(side(r) === "creator" ? r.brand_id : r.creator_id) ?? "",
    title:
      r.kind === "payment"
        ? `${r.title.charAt(0).toUpperCase()}${r.title.slice(1)} payment of ${formatMoney(toMajor(r.amount_minor), r.currency)} to fund`
        : r.kind === "review"
          ? `Review “${r.title}” (approved automatically after this)`
          : r.kind === "deliverable"
            ? `“${r.title}” due`
            : r.title,
    // Creators deliver; brands review and fund. A partnership's end concerns both.
    yours: r.kind === "partnership_end" || (r.kind === "deliverable" ? side(r) === "creator" : side(r) === "brand"),
  });
  return {
    month,
    items: rows.filter((r) => r.at >= from && r.at < to).map(item),
    overdue: rows.filter((r) => r.at < now && r.kind !== "partnership_end" && !(r.at >= from && r.at < to)).map(item),
  };
}
