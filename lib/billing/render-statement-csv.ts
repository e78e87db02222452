/**
 * A statement of account as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break; text that a spreadsheet would run as a
 * formula is prefixed with ': lib/csv.ts). The first row after the header is the opening balance and
 * the last the closing balance, so the file reconciles on its own.
 */
import { csvDocument, type CsvValue } from "../csv";
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

/** Amounts with two decimals, as the statement prints them. */
const amount = (value: number | null): CsvValue => (value === null ? null : value.toFixed(2));

export function renderStatementCsv(statement: Statement): string {
  const { currency } = statement;
  const rows: CsvValue[][] = [
    [
      statement.start_date,
      "opening_balance",
      null,
      "Opening balance",
      null,
      null,
      null,
      null,
      null,
      amount(statement.opening_balance),
      currency,
    ],
    ...statement.lines.map((line) => [
      line.date,
      line.type,
      line.document_number,
      line.description,
      line.payment_reference,
      line.method,
      line.provider_receipt,
      amount(line.debit),
      amount(line.credit),
      amount(line.balance),
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
      amount(statement.total_debits),
      amount(statement.total_credits),
      amount(statement.closing_balance),
      currency,
    ],
  ];
  return csvDocument(STATEMENT_CSV_COLUMNS, rows);
}
