/**
 * The standard PDF fonts (Helvetica and friends) draw only the WinAnsi character set.
 * Anything else would come out as a wrong glyph, so every string that reaches a PDF
 * passes through `printable` first (`renderPdf` does this for the whole definition).
 */

/** WinAnsi characters outside Latin-1 that the standard fonts can draw. */
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ•–—˜™š›œžŸ";

const DRAWABLE = new RegExp(`^[\\n\\x20-\\x7e\\xa0-\\xff${WIN_ANSI_EXTRAS}]$`, "u");

const REPLACEMENTS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2212": "-",
  "\t": " ",
};

function drawable(char: string): string {
  if (DRAWABLE.test(char)) return char;
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return replacement;
  // A letter with a mark the fonts lack (the ũ in Wanjirũ) falls back to its base letter.
  const base = char.normalize("NFD").replace(/\p{M}/gu, "");
  return base.length > 0 && [...base].every((c) => DRAWABLE.test(c)) ? base : "?";
}

/** `value` with every character the standard fonts cannot draw replaced by a look-alike or "?". */
export function printable(value: string): string {
  const normalized = value.replace(/\r\n?/g, "\n").normalize("NFC");
  let out = "";
  for (const char of normalized) out += drawable(char);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a document definition (or any part of one) with `printable` applied to every
 * string in it. Functions (dynamic headers and footers) are wrapped so their output is
 * cleaned too; dates and other objects pass through unchanged.
 */
export function printableTree<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return value.map((item) => printableTree(item)) as T;
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => printableTree(fn(...args))) as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableTree(item)])) as T;
  }
  return value;
}
