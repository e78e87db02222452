/**
 * Writes one row of the audit log (who did what, when and from where). The change it
 * describes is already done or refused by then, so a failed write is logged and never
 * turns the caller's answer into an error.
 */
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { clientAddressOf } from "../http/client-address";
import type { AuditTarget } from "./audit-targets";

export type AuditChannel = "api" | "app";

export interface AuditEntry {
  actor: Pick<Actor, "id" | "organizationId" | "apiKey">;
  channel: AuditChannel;
  action: string;
  target: AuditTarget;
  status: number;
  /** Why it was refused, as the caller was told; ignored for a success. */
  error?: string | null;
  /** Where it came from: the request, or the headers of a server action. */
  client: { ipAddress: string | null; userAgent: string | null };
}

const MAX_USER_AGENT = 500;
const MAX_ERROR = 2000;

/** The client's address and user agent as the server in front of the app passed them on. */
export function clientOf(source: Request | Headers): AuditEntry["client"] {
  const headers = source instanceof Headers ? source : source.headers;
  const address = clientAddressOf(headers);
  return {
    ipAddress: address === "unknown" ? null : address,
    userAgent: headers.get("user-agent")?.slice(0, MAX_USER_AGENT) || null,
  };
}

export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  const succeeded = entry.status < 400;
  try {
    await getDb().auditEvent.create({
      data: {
        organizationId: entry.actor.organizationId,
        userId: entry.actor.id,
        apiKeyId: entry.actor.apiKey?.id ?? null,
        channel: entry.channel,
        action: entry.action,
        target: entry.target as Prisma.InputJsonObject,
        succeeded,
        status: entry.status,
        error: succeeded ? null : (entry.error?.slice(0, MAX_ERROR) ?? null),
        ipAddress: entry.client.ipAddress,
        userAgent: entry.client.userAgent,
      },
    });
  } catch (error) {
    console.error("Could not record an audit event", { action: entry.action, status: entry.status }, error);
  }
}
