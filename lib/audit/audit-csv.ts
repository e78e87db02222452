/**
 * The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break). Every text cell that a spreadsheet would run
 * as a formula is prefixed with ', since names, errors and user agents come from callers.
 */
import type { z } from "zod";
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

/** Neutralises spreadsheet formulas (CWE-1236), then quotes as RFC 4180 asks. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
  return [AUDIT_CSV_COLUMNS, ...lines].map((line) => line.map(csvCell).join(",") + "\r\n").join("");
}
