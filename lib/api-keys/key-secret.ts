/**
 * An API key is `hmb_<8 characters>_<43 characters>`: the first part (its prefix) names the
 * key and is shown in lists; the whole key is shown once, and only its SHA-256 is kept.
 */
import crypto from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const KEY_PATTERN = /^(hmb_[a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const id = Array.from(crypto.randomBytes(8), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  const prefix = `hmb_${id}`;
  const key = `${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/** Compares in constant time, so the comparison's duration tells nothing about the hash. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
