/**
 * Slows down password guessing without handing an attacker a way to lock the owner out.
 *
 * Each attempt is reserved before the password is checked (one atomic count per limit),
 * so a burst of parallel guesses cannot all be checked before any is counted:
 * - one email from one client address: SIGNIN_FAILURES_PER_MINUTE (10) a minute, and
 *   three times that an hour, after which that pair waits out the hour (the backoff);
 * - one client address, whatever the emails: five times the per-minute limit a minute;
 * - one email from all addresses: ten times the per-minute limit an hour. Past that
 *   ceiling only addresses the account has signed in from before may still try, so a
 *   guesser elsewhere, however many addresses they use, cannot lock the owner out.
 * A successful sign-in gives its reservations back.
 */
import { countInWindow, hashed, MINUTE_MS, rateLimited, readWindow, windowOf } from "../api/rate-limit";
import { getDb } from "../db";

const HOUR_MS = 60 * MINUTE_MS;
/** How long an address stays known after a successful sign-in from it. */
const KNOWN_FOR_MS = 90 * 24 * HOUR_MS;

export function signInFailuresPerMinute(): number {
  const configured = Number(process.env.SIGNIN_FAILURES_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

interface Limit {
  key: string;
  windowMs: number;
  limit: number;
}

function limitsFor(email: string, address: string): { pair: Limit[]; address: Limit; email: Limit } {
  const base = signInFailuresPerMinute();
  const pair = `signin:pair:${hashed(`${email}\n${address}`)}`;
  return {
    pair: [
      { key: pair, windowMs: MINUTE_MS, limit: base },
      { key: pair, windowMs: HOUR_MS, limit: base * 3 },
    ],
    address: { key: `signin:address:${hashed(address)}`, windowMs: MINUTE_MS, limit: base * 5 },
    email: { key: `signin:email:${hashed(email)}`, windowMs: HOUR_MS, limit: base * 10 },
  };
}

const tooMany = (limit: Limit, now: Date) => {
  const { retryAfterSeconds } = windowOf(now, limit.windowMs);
  return rateLimited(retryAfterSeconds, `Too many sign-in attempts. Retry after ${retryAfterSeconds} seconds.`);
};

export interface SignInReservation {
  /** The password was right: give the reservations back and remember the address. */
  succeeded(userId: string): Promise<void>;
  /** The password was wrong: count it against the email's ceiling. */
  failed(): Promise<void>;
}

async function isKnownAddress(email: string, address: string, now: Date): Promise<boolean> {
  const known = await getDb().knownSignInAddress.findFirst({
    where: { addressHash: hashed(address), lastSignInAt: { gt: new Date(now.getTime() - KNOWN_FOR_MS) }, user: { email } },
    select: { userId: true },
  });
  return known !== null;
}

/** Reserves one attempt for `email` from `address`, or throws 429 with Retry-After. */
export async function reserveSignInAttempt(options: { email: string; address: string; now?: Date }): Promise<SignInReservation> {
  const now = options.now ?? new Date();
  const email = options.email.trim().toLowerCase();
  const limits = limitsFor(email, options.address);
  const taken: Limit[] = [];
  const giveBack = () => Promise.all(taken.map((limit) => countInWindow(limit.key, { windowMs: limit.windowMs, now, by: -1 })));

  for (const limit of [...limits.pair, limits.address]) {
    const count = await countInWindow(limit.key, { windowMs: limit.windowMs, now });
    taken.push(limit);
    if (count > limit.limit) {
      // Refused attempts use up nothing but their own pair's allowance.
      if (limit !== limits.pair[0])
        await Promise.all(taken.slice(1).map((l) => countInWindow(l.key, { windowMs: l.windowMs, now, by: -1 })));
      throw tooMany(limit, now);
    }
  }
  if (
    (await readWindow(limits.email.key, { windowMs: limits.email.windowMs, now })) >= limits.email.limit &&
    !(await isKnownAddress(email, options.address, now))
  ) {
    await giveBack();
    throw tooMany(limits.email, now);
  }

  return {
    async succeeded(userId) {
      await giveBack();
      await getDb().knownSignInAddress.upsert({
        where: { userId_addressHash: { userId, addressHash: hashed(options.address) } },
        create: { userId, addressHash: hashed(options.address), lastSignInAt: now },
        update: { lastSignInAt: now },
      });
    },
    async failed() {
      await countInWindow(limits.email.key, { windowMs: limits.email.windowMs, now });
    },
  };
}
