/**
 * The audit log as its readers see it: an organisation's owners and admins read their own
 * organisation's rows, platform admins every organisation's; newest first, filtered, as
 * pages or as one CSV file.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { organizationOf } from "../organizations/list-members";
import { requirePermission } from "../organizations/permissions";
import { pageInfo, pageWindow } from "../sponsorship/pagination";
import { auditCsv } from "./audit-csv";
import { AUDIT_CSV_MAX_ROWS, type auditEventFiltersQuery, type auditEventItem, type listAuditEventsQuery } from "./schemas/audit-events";

type AuditEventItem = z.infer<typeof auditEventItem>;
type Filters = z.output<typeof auditEventFiltersQuery>;

const DAY_MS = 86_400_000;

/** A platform admin's rows are every organisation's; anyone else's their own organisation's, and only with "manage". */
function scopeOf(actor: Actor): string | null {
  if (actor.role === "admin" && !actor.apiKey) return null;
  const organizationId = organizationOf(actor);
  requirePermission(actor, "manage");
  return organizationId;
}

/** `%`, `_` and `\` are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(actor: Actor, filters: Filters): Prisma.Sql {
  const scope = scopeOf(actor);
  const conditions: Prisma.Sql[] = [];
  if (scope) conditions.push(Prisma.sql`a.organization_id = ${scope}::uuid`);
  // For anyone but a platform admin this only narrows their own organisation's rows.
  if (filters.organization_id) conditions.push(Prisma.sql`a.organization_id = ${filters.organization_id}::uuid`);
  if (filters.user_id) conditions.push(Prisma.sql`a.user_id = ${filters.user_id}::uuid`);
  if (filters.action) conditions.push(Prisma.sql`a.action ILIKE ${likePattern(filters.action)}`);
  if (filters.channel) conditions.push(Prisma.sql`a.channel = ${filters.channel}`);
  if (filters.succeeded) conditions.push(Prisma.sql`a.succeeded = ${filters.succeeded === "true"}`);
  if (filters.from) conditions.push(Prisma.sql`a.occurred_at >= ${filters.from}`);
  if (filters.to) conditions.push(Prisma.sql`a.occurred_at < ${new Date(filters.to.getTime() + DAY_MS)}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

interface AuditRow {
  id: string;
  occurred_at: Date | string;
  organization_id: string | null;
  user_id: string | null;
  member: string | null;
  email: string | null;
  api_key_id: string | null;
  channel: AuditEventItem["channel"];
  action: string;
  target: string;
  succeeded: boolean;
  status: number;
  error: string | null;
  ip_address: string | null;
  user_agent: string | null;
}

/** The rows with their member's name and email, in one query. */
async function auditRows(where: Prisma.Sql, window: { skip: number; take: number }): Promise<AuditEventItem[]> {
  const rows = await getDb().$queryRaw<AuditRow[]>(Prisma.sql`
    SELECT a.id::text, a.occurred_at, a.organization_id::text, a.user_id::text, u.name AS member, u.email,
           a.api_key_id::text, a.channel, a.action, a.target::text AS target, a.succeeded, a.status, a.error,
           a.ip_address, a.user_agent
      FROM audit_events a
      LEFT JOIN users u ON u.id = a.user_id
      ${where}
     ORDER BY a.occurred_at DESC, a.id DESC
     LIMIT ${window.take} OFFSET ${window.skip}`);
  return rows.map((row) => ({
    ...row,
    occurred_at: new Date(row.occurred_at).toISOString(),
    target: JSON.parse(row.target) as AuditEventItem["target"],
    status: Number(row.status),
  }));
}

export async function listAuditEvents(options: {
  actor: Actor;
  query: z.output<typeof listAuditEventsQuery>;
}): Promise<{ audit_events: AuditEventItem[]; pagination: ReturnType<typeof pageInfo> }> {
  const { query } = options;
  const where = whereOf(options.actor, query);
  const [auditEvents, [{ total }]] = await Promise.all([
    auditRows(where, pageWindow(query)),
    getDb().$queryRaw<[{ total: number }]>(Prisma.sql`SELECT COUNT(*)::int AS total FROM audit_events a ${where}`),
  ]);
  return { audit_events: auditEvents, pagination: pageInfo(query, Number(total)) };
}

/** Every matching row, newest first, up to AUDIT_CSV_MAX_ROWS, as CSV. */
export async function auditEventsCsv(options: { actor: Actor; query: Filters }): Promise<string> {
  const rows = await auditRows(whereOf(options.actor, options.query), { skip: 0, take: AUDIT_CSV_MAX_ROWS });
  return auditCsv(rows);
}
