/**
 * The audit log as its readers see it: an organisation's owners and admins read their own
 * organisation's rows, platform admins every organisation's; newest first, filtered, as
 * pages or as one CSV file.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { likePattern } from "../db/like";
import { organizationOf } from "../organizations/list-members";
import { requirePermission } from "../organizations/permissions";
import { pageInfo, pageWindow } from "../sponsorship/pagination";
import type { CsvFile } from "../http/csv-download";
import { searchTerm } from "../schemas/search";
import { auditCsv } from "./audit-csv";
import { AUDIT_CSV_MAX_ROWS, auditEventFiltersQuery, type auditEventItem, type listAuditEventsQuery } from "./schemas/audit-events";

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

/** `q`: any part of the member's name or email, the action or the refusal, in any case. */
function whereOf(actor: Actor, filters: Filters, q?: string): Prisma.Sql {
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
  if (q) {
    const pattern = likePattern(q);
    conditions.push(
      Prisma.sql`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern} OR a.action ILIKE ${pattern} OR a.error ILIKE ${pattern})`,
    );
  }
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
  /** The page's search box (not part of the API). */
  q?: string;
}): Promise<{ audit_events: AuditEventItem[]; pagination: ReturnType<typeof pageInfo> }> {
  const { query } = options;
  const where = whereOf(options.actor, query, options.q);
  const [auditEvents, [{ total }]] = await Promise.all([
    auditRows(where, pageWindow(query)),
    getDb().$queryRaw<[{ total: number }]>(
      Prisma.sql`SELECT COUNT(*)::int AS total FROM audit_events a LEFT JOIN users u ON u.id = a.user_id ${where}`,
    ),
  ]);
  return { audit_events: auditEvents, pagination: pageInfo(query, Number(total)) };
}

/** Every matching row, newest first, up to AUDIT_CSV_MAX_ROWS, as CSV. */
export async function auditEventsCsv(options: { actor: Actor; query: Filters; q?: string }): Promise<string> {
  const rows = await auditRows(whereOf(options.actor, options.query, options.q), { skip: 0, take: AUDIT_CSV_MAX_ROWS });
  return auditCsv(rows);
}

/**
 * The /team/audit page's export: its filters (those that cannot be read are left out, as
 * the page shows everything then) and its search; one row more than the file holds is read
 * to tell whether it was capped.
 */
export async function auditLogCsvFile(options: { actor: Actor; params: URLSearchParams }): Promise<CsvFile> {
  const flat = Object.fromEntries([...options.params].filter(([key, value]) => value.trim() !== "" && key !== "q"));
  const parsed = auditEventFiltersQuery.safeParse(flat);
  const query = parsed.success ? parsed.data : {};
  const rows = await auditRows(whereOf(options.actor, query, searchTerm(options.params.get("q"))), {
    skip: 0,
    take: AUDIT_CSV_MAX_ROWS + 1,
  });
  return { name: "audit-log", csv: auditCsv(rows.slice(0, AUDIT_CSV_MAX_ROWS)), capped: rows.length > AUDIT_CSV_MAX_ROWS };
}
