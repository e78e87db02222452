/**
 * Money is stored as integer minor units (cents) with an ISO 4217 currency. APIs speak
 * in major units (KES 50,000 is 50000), as the specs show.
 */
const MINOR_PER_MAJOR = 100;

export function toMajor(minor: bigint | number | null | undefined): number {
  if (minor === null || minor === undefined) return 0;
  return Number(minor) / MINOR_PER_MAJOR;
}

/** Converts an API amount to minor units; rejects more precision than the currency has. */
export function toMinor(major: number): bigint {
  const minor = Math.round(major * MINOR_PER_MAJOR);
  if (Math.abs(minor - major * MINOR_PER_MAJOR) > 1e-6) throw new RangeError(`${major} has more than two decimal places`);
  return BigInt(minor);
}
