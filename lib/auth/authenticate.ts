/** Checks an email and password; the one place that decides whether a sign-in succeeds. */
import { getDb, plainRows, Prisma } from "../db";
import { hashApiKey, KEY_PATTERN, sameHash } from "../api-keys/key-secret";
import { isUuid } from "../ids";
import type { MemberRole, Role } from "../generated/prisma/client";
import { decoyHash, verifyPassword } from "./password";
import { reserveSignInAttempt } from "./sign-in-throttle";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  image: string | null;
  /** The organisation the user acts for (platform admins have none). */
  organizationId: string | null;
  /** The user's role in that organisation (lib/organizations/permissions.ts says what it allows). */
  memberRole: MemberRole | null;
  /**
   * The account that stands for the actor's brand or creator organisation in partnerships:
   * proposals, partnerships, campaigns and payouts name it (the member holding the
   * organisation's brand or creator profile), and every member acts as it, within their
   * role. For anyone else it is their own id.
   */
  partyId: string;
  /** Present when the request came with an API key: it acts as the member who made it, within its scopes. */
  apiKey?: { id: string; scopes: string[] };
}

/** An actor together with the token version its credentials must carry. */
export interface AuthenticatedUser extends Actor {
  tokenVersion: number;
}

/**
 * Returns the user when the credentials match an active account, otherwise null.
 * Guessing is throttled per email and client address (sign-in-throttle.ts): over a limit
 * the attempt is refused with 429 before the password is even checked.
 */
export async function authenticate(options: { email: string; password: string; clientAddress: string }): Promise<AuthenticatedUser | null> {
  const email = options.email.trim().toLowerCase();
  const attempt = await reserveSignInAttempt({ email, address: options.clientAddress });
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, tokenVersion: true },
  });
  // Verify against a decoy when the email is unknown, so timing does not reveal which part was wrong.
  const valid = await verifyPassword(options.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || !user.active) {
    await attempt.failed();
    return null;
  }
  await attempt.succeeded(user.id);
  const [row] = await plainRows<ActorRow>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS}
      FROM users u
      LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = u.organization_id
     WHERE u.id = ${user.id}::uuid`);
  return { ...actorOf(row!), tokenVersion: user.tokenVersion };
}

/**
 * Loads the acting user of a request: active, with the token version its credentials
 * carry (a password change, "sign out everywhere" or deactivation bumps it), and, for a
 * browser session, a session that has not been ended.
 */
export async function findActor(options: { userId: string; tokenVersion: number; sessionId?: string; now?: Date }): Promise<Actor | null> {
  if (!isUuid(options.userId)) return null;
  if (options.sessionId !== undefined && !isUuid(options.sessionId)) return null;
  const now = options.now ?? new Date();
  const session = options.sessionId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = ${options.sessionId}::uuid AND s.user_id = u.id AND s.ended_at IS NULL AND s.expires_at > ${now})`
    : Prisma.empty;
  const [row] = await plainRows<ActorRow>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS}
      FROM users u
      LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = u.organization_id
     WHERE u.id = ${options.userId}::uuid AND u.active AND u.token_version = ${options.tokenVersion} ${session}`);
  return row ? actorOf(row) : null;
}

interface ActorRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  image: string | null;
  organization_id: string | null;
  member_role: MemberRole | null;
  party_id: string;
}

// The party account: the earliest member of the organisation with the profile of its kind.
const ACTOR_COLUMNS = Prisma.sql`u.id::text, u.email, u.name, u.role, u.image, u.organization_id::text, m.role::text AS member_role,
  COALESCE(CASE u.role
    WHEN 'brand' THEN (SELECT p.id::text FROM users p JOIN brand_profiles bp ON bp.user_id = p.id
                        WHERE p.organization_id = u.organization_id ORDER BY p.created_at, p.id LIMIT 1)
    WHEN 'creator' THEN (SELECT p.id::text FROM users p JOIN creator_profiles cp ON cp.user_id = p.id
                          WHERE p.organization_id = u.organization_id ORDER BY p.created_at, p.id LIMIT 1)
  END, u.id::text) AS party_id`;

const actorOf = (row: ActorRow): Actor => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  image: row.image,
  organizationId: row.organization_id,
  memberRole: row.member_role,
  partyId: row.party_id,
});

/** An active user as the services see them, by email: for scripts and tests that act as a known user. */
export async function findActorByEmail(email: string): Promise<Actor | null> {
  const [row] = await plainRows<ActorRow>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS}
      FROM users u
      LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = u.organization_id
     WHERE u.email = ${email.trim().toLowerCase()} AND u.active`);
  return row ? actorOf(row) : null;
}

interface ApiKeyRow extends ActorRow {
  key_id: string;
  secret_hash: string;
  scopes: string[];
  last_used_at: Date | null;
}

/** last_used_at is written at most once a minute per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor of a request made with an API key: the member who made it, still active and
 * still a member of the key's organisation, with the key's scopes; null for an unknown,
 * revoked or mistyped key.
 */
export async function findActorForApiKey(key: string, now = new Date()): Promise<Actor | null> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [row] = await plainRows<ApiKeyRow>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS}, k.id::text AS key_id, k.secret_hash, k.scopes, k.last_used_at
      FROM api_keys k
      JOIN users u ON u.id = k.created_by_id AND u.active AND u.organization_id = k.organization_id
      JOIN memberships m ON m.user_id = u.id AND m.organization_id = k.organization_id
     WHERE k.prefix = ${match[1]} AND k.revoked_at IS NULL`);
  if (!row || !sameHash(row.secret_hash, hashApiKey(key))) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() >= LAST_USED_RESOLUTION_MS) {
    await getDb().apiKey.update({ where: { id: row.key_id }, data: { lastUsedAt: now } });
  }
  return { ...actorOf(row), apiKey: { id: row.key_id, scopes: row.scopes } };
}
