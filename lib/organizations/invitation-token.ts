/** Invitation links carry a random token; only its SHA-256 is stored, so a database leak opens no invitation. */
import crypto from "node:crypto";

export const INVITATION_LIFETIME_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export const invitationPath = (token: string) => `/invite/${token}`;
