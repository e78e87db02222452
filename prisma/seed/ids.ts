/** Deterministic ids: the same key always yields the same UUID, so re-runs insert nothing new. */
import { createHash } from "node:crypto";

export function seedId(key: string): string {
  const b = createHash("sha256").update(`harambee-seed:${key}`).digest();
  // Shape it like a random (v4, RFC 4122 variant) UUID so validators accept it.
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex", 0, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
