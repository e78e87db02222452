/**
 * The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break). Every text cell that a spreadsheet would run
 * as a formula is prefixed with ', since names, errors and user agents come from callers
 * (lib/csv.ts writes it).
 */
import type { z } from "zod";
import { csvDocument } from "../csv";
import type { auditEventItem } from "./schemas/audit-events";

export const AUDIT_CSV_COLUMNS = [
  "occurred_at",
  "member",
  "email",
  "channel",
  "action",
  "target",
  "succeeded",
  "status",
  "error",
  "ip_address",
  "user_agent",
] as const;

export function auditCsv(rows: Array<z.infer<typeof auditEventItem>>): string {
  const lines = rows.map((row) => [
    row.occurred_at,
    row.member,
    row.email,
    row.channel,
    row.action,
    JSON.stringify(row.target),
    row.succeeded,
    row.status,
    row.error,
    row.ip_address,
    row.user_agent,
  ]);
  return csvDocument(AUDIT_CSV_COLUMNS, lines);
}
