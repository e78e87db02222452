/**
 * When a failed delivery is tried again: after 1, 5, 15 and 30 minutes, then 1, 2, 4 and
 * 8 hours and 8 hours more: ten attempts over about a day (23 h 51 min), then it is
 * marked failed and waits for someone to resend it.
 */
export const RETRY_DELAYS_SECONDS = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 28_800] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** The delay before the next attempt after `attempts` failed ones, or null when none is left. */
export function retryDelaySeconds(attempts: number): number | null {
  return attempts >= MAX_ATTEMPTS ? null : (RETRY_DELAYS_SECONDS[attempts - 1] ?? null);
}
