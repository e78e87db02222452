/**
 * The one CSV writer of the app: RFC 4180 (comma-separated, CRLF line ends, a field quoted
 * when it holds a comma, quote or line break, quotes doubled), no byte-order mark. Text
 * that a spreadsheet would run as a formula (CWE-1236: it starts with = + - @, a tab or a
 * carriage return) is prefixed with ', since names, descriptions and user agents come from
 * users. A negative amount written as text (-12.50) is data, not a formula, so it is left
 * as it is; a leading + is still prefixed, which keeps a phone number such as +2547… text.
 */

export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/** One field: formulas neutralised, then quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A whole file: the header, then one record per row. */
export function csvDocument(columns: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = csvRow(columns);
  for (const row of rows) out += csvRow(row);
  return out;
}
