/**
 * A statement of account as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break; text that a spreadsheet would run as a
 * formula is prefixed with '). The first row after the header is the opening balance and
 * the last the closing balance, so the file reconciles on its own.
 */
import type { Statement } from "./get-statement";

export const STATEMENT_CSV_COLUMNS = [
  "date",
  "type",
  "document_number",
  "description",
  "payment_reference",
  "method",
  "provider_receipt",
  "debit",
  "credit",
  "balance",
  "currency",
] as const;

type Cell = string | number | null;

/** A text cell: neutralises spreadsheet formulas (CWE-1236). */
function text(value: string | null): Cell {
  if (value === null) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  if (value === null) return "";
  const s = typeof value === "number" ? value.toFixed(2) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderStatementCsv(statement: Statement): string {
  const { currency } = statement;
  const rows: Cell[][] = [
    [statement.start_date, "opening_balance", null, "Opening balance", null, null, null, null, null, statement.opening_balance, currency],
    ...statement.lines.map((line) => [
      line.date,
      line.type,
      text(line.document_number),
      text(line.description),
      text(line.payment_reference),
      line.method,
      text(line.provider_receipt),
      line.debit,
      line.credit,
      line.balance,
      currency,
    ]),
    [
      statement.end_date,
      "closing_balance",
      null,
      "Closing balance",
      null,
      null,
      null,
      statement.total_debits,
      statement.total_credits,
      statement.closing_balance,
      currency,
    ],
  ];
  return [STATEMENT_CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
