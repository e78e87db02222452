/**
 * A page's live stamp: a short string that changes whenever anything the page shows may
 * have changed, whoever changed it. Pages that show state two parties share ask for it
 * every few seconds (modules/live/live-refresh.tsx) and re-render when it moves, so the
 * other party's counter, signature or submission appears without a reload. Each stamp is
 * one SQL statement over indexed columns; it says nothing a reader of the page cannot see.
 */
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnershipForParty, requireParticipant } from "../partnerships/access";
import { proposalForParty } from "../partnerships/proposal-view";
import { partnerOf } from "../sponsorship/partner-of";
import { z } from "zod";

export const liveSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("partnership"), id: z.uuid() }),
  z.object({ kind: z.literal("proposal"), id: z.uuid() }),
  z.object({ kind: z.literal("workspace") }),
  z.object({ kind: z.literal("dashboard") }),
]);
export type LiveSubject = z.infer<typeof liveSubjectSchema>;

/** The reader's own notifications move every stamp, so the header's unread count stays current too. */
const notificationsPart = (userId: string) =>
  Prisma.sql`(SELECT count(*)::text || ':' || coalesce(max(n.created_at)::text, '') FROM notifications n WHERE n.user_id = ${userId}::uuid AND n.read_at IS NULL)`;

export async function liveStamp(options: { actor: Actor; subject: LiveSubject }): Promise<string> {
  const { actor, subject } = options;
  const db = getDb();
  let sql: Prisma.Sql;
  switch (subject.kind) {
    case "partnership": {
      await partnershipForParty(db, actor, subject.id, { permission: "read" });
      sql = Prisma.sql`SELECT concat_ws('|',
          (SELECT updated_at::text FROM partnerships WHERE id = ${subject.id}::uuid),
          (SELECT max(seq)::text FROM activity_logs WHERE partnership_id = ${subject.id}::uuid),
          (SELECT max(updated_at)::text FROM contracts WHERE partnership_id = ${subject.id}::uuid),
          (SELECT max(updated_at)::text || count(*)::text FROM deliverables WHERE partnership_id = ${subject.id}::uuid),
          (SELECT max(updated_at)::text || count(*)::text FROM partnership_payments WHERE partnership_id = ${subject.id}::uuid),
          (SELECT max(updated_at)::text || count(*)::text FROM disputes WHERE partnership_id = ${subject.id}::uuid),
          ${notificationsPart(actor.id)}) AS stamp`;
      break;
    }
    case "proposal": {
      await proposalForParty(db, actor, subject.id, { permission: "read" });
      // A counter is a new proposal naming this one; the page links to it once it exists.
      sql = Prisma.sql`SELECT concat_ws('|',
          (SELECT max(updated_at)::text || count(*)::text FROM proposals WHERE id = ${subject.id}::uuid OR counter_of_id = ${subject.id}::uuid),
          (SELECT max(occurred_at)::text || count(*)::text FROM proposal_events WHERE proposal_id = ${subject.id}::uuid),
          (SELECT max(id::text) FROM partnerships WHERE proposal_id = ${subject.id}::uuid),
          ${notificationsPart(actor.id)}) AS stamp`;
      break;
    }
    case "workspace": {
      requireParticipant(actor);
      if (!actor.partyId) return "";
      const ofParty = Prisma.sql`brand_id = ${actor.partyId}::uuid OR creator_id = ${actor.partyId}::uuid`;
      // Also what the calendar and the campaigns show: every deliverable and escrow payment of the party's partnerships.
      sql = Prisma.sql`SELECT concat_ws('|',
          (SELECT max(updated_at)::text || count(*)::text FROM proposals WHERE sender_id = ${actor.partyId}::uuid OR recipient_id = ${actor.partyId}::uuid),
          (SELECT max(updated_at)::text || count(*)::text FROM partnerships WHERE ${ofParty}),
          (SELECT max(updated_at)::text || count(*)::text FROM deliverables WHERE partnership_id IN (SELECT id FROM partnerships WHERE ${ofParty})),
          (SELECT max(updated_at)::text || count(*)::text FROM partnership_payments WHERE partnership_id IN (SELECT id FROM partnerships WHERE ${ofParty})),
          ${notificationsPart(actor.id)}) AS stamp`;
      break;
    }
    case "dashboard": {
      const partnerId = partnerOf(actor, "read");
      sql = Prisma.sql`SELECT concat_ws('|',
          (SELECT max(updated_at)::text || count(*)::text FROM payments WHERE partner_id = ${partnerId}::uuid),
          (SELECT max(updated_at)::text || count(*)::text FROM sponsorships WHERE partner_id = ${partnerId}::uuid),
          ${notificationsPart(actor.id)}) AS stamp`;
      break;
    }
  }
  const [row] = await db.$queryRaw<Array<{ stamp: string }>>(sql);
  return row?.stamp ?? "";
}
