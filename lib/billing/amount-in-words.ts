/**
 * An amount written out as on a Kenyan receipt or cheque: "Kenya Shillings Fifty-Seven
 * Thousand Five Hundred Only", cents as "and 50 cents".
 */
const ONES = [
  "Zero",
  "One",
  "Two",
  "Three",
  "Four",
  "Five",
  "Six",
  "Seven",
  "Eight",
  "Nine",
  "Ten",
  "Eleven",
  "Twelve",
  "Thirteen",
  "Fourteen",
  "Fifteen",
  "Sixteen",
  "Seventeen",
  "Eighteen",
  "Nineteen",
];
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];
const SCALES = ["", "Thousand", "Million", "Billion", "Trillion", "Quadrillion"];

const CURRENCY_NAMES: Record<string, string> = {
  KES: "Kenya Shillings",
  USD: "US Dollars",
  EUR: "Euros",
  GBP: "Pounds Sterling",
  UGX: "Uganda Shillings",
  TZS: "Tanzania Shillings",
};

/** 0-999 in words ("" for 0). */
function belowThousand(n: number): string {
  const words: string[] = [];
  if (n >= 100) words.push(`${ONES[Math.floor(n / 100)]} Hundred`);
  const rest = n % 100;
  if (rest >= 20) words.push(rest % 10 ? `${TENS[Math.floor(rest / 10)]}-${ONES[rest % 10]}` : TENS[Math.floor(rest / 10)]!);
  else if (rest > 0) words.push(ONES[rest]!);
  return words.join(" ");
}

/** A whole number in words: 57500 → "Fifty-Seven Thousand Five Hundred". */
export function numberInWords(value: bigint): string {
  if (value < 0n) throw new RangeError("negative amounts have no words");
  if (value === 0n) return ONES[0]!;
  const groups: string[] = [];
  let rest = value;
  for (let scale = 0; rest > 0n; scale++) {
    const group = Number(rest % 1000n);
    rest /= 1000n;
    if (group === 0) continue;
    if (scale >= SCALES.length) throw new RangeError("amount too large to write out");
    groups.unshift(SCALES[scale] ? `${belowThousand(group)} ${SCALES[scale]}` : belowThousand(group));
  }
  return groups.join(" ");
}

/** `minor` units of `currency` in words, for amounts with two decimal places. */
export function amountInWords(minor: bigint, currency: string): string {
  const name = CURRENCY_NAMES[currency.toUpperCase()] ?? currency.toUpperCase();
  const whole = minor / 100n;
  const cents = Number(minor % 100n);
  return `${name} ${numberInWords(whole)}${cents ? ` and ${cents} cents` : ""} Only`;
}
