/**
 * Browser sessions on the server side. The session cookie is a signed JWT, but it names
 * a row here: signing out ends that row, so a copied cookie stops working at once; a
 * session also ends SESSION_MAX_AGE_SECONDS after sign-in, however active it is.
 */
import { getDb } from "../db";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export async function startSession(options: {
  userId: string;
  clientAddress: string;
  userAgent: string | null;
  now?: Date;
}): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return getDb().authSession.create({
    data: {
      userId: options.userId,
      clientAddress: options.clientAddress,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
}

/** Ends one session (signing out); ending it again changes nothing. */
export async function endSession(options: { sessionId: string; now?: Date }): Promise<void> {
  await getDb().authSession.updateMany({ where: { id: options.sessionId, endedAt: null }, data: { endedAt: options.now ?? new Date() } });
}
