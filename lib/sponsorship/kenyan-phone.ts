/** Kenyan mobile numbers. Safe to import in the browser. */

/** "+254712345678", "254712345678", "0712345678" and "712345678" are one Safaricom number: +254712345678. */
export function normalizeKenyanPhone(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  const match = /^(?:\+?254|0)?([17]\d{8})$/.exec(digits);
  return match ? `+254${match[1]}` : null;
}
