/**
 * An organisation's API keys, made, listed and revoked by its owners and admins. A key acts
 * as the member who made it, within its scopes: it can never do more than they may, and stops
 * working when they leave or it is revoked.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { organizationOf } from "../organizations/list-members";
import { requirePermission } from "../organizations/permissions";
import { newApiKey } from "./key-secret";
import { AREAS_OF_KIND } from "./scopes";
import type { apiKeyItem, createApiKeyBody } from "./schemas/api-keys";

type ApiKeyItem = z.infer<typeof apiKeyItem>;

const include = { createdBy: { select: { name: true } } } as const;

function view(key: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string };
}): ApiKeyItem {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as ApiKeyItem["scopes"],
    created_by: key.createdBy.name,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

function manager(actor: Actor): string {
  const organizationId = organizationOf(actor);
  requirePermission(actor, "manage");
  return organizationId;
}

export async function createApiKey(options: {
  actor: Actor;
  body: z.output<typeof createApiKeyBody>;
}): Promise<{ apiKey: ApiKeyItem; key: string }> {
  const organizationId = manager(options.actor);
  const db = getDb();
  const { kind } = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { kind: true } });
  const areas = kind === "platform" ? [] : AREAS_OF_KIND[kind];
  const misfits = options.body.scopes.filter((scope) => !areas.includes(scope.split(":")[0]!));
  if (misfits.length) {
    const message = `not for a ${kind} organisation: ${misfits.join(", ")}`;
    throw new AppError("validation_failed", `Invalid input: body.scopes: ${message}`, {
      fields: [{ path: "body.scopes", message, type: "value_error" }],
    });
  }
  const { key, prefix, secretHash } = newApiKey();
  const created = await db.apiKey.create({
    data: {
      organizationId,
      createdById: options.actor.id,
      name: options.body.name,
      prefix,
      secretHash,
      scopes: [...new Set(options.body.scopes)].sort(),
    },
    include,
  });
  return { apiKey: view(created), key };
}

export async function listApiKeys(options: { actor: Actor }): Promise<{ api_keys: ApiKeyItem[] }> {
  const organizationId = manager(options.actor);
  const keys = await getDb().apiKey.findMany({ where: { organizationId }, include, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return { api_keys: keys.map(view) };
}

export async function revokeApiKey(options: { actor: Actor; apiKeyId: string; now?: Date }): Promise<ApiKeyItem> {
  const organizationId = manager(options.actor);
  const db = getDb();
  await findOrNotFound("API key", options.apiKeyId, (id) => db.apiKey.findFirst({ where: { id, organizationId }, select: { id: true } }));
  const { count } = await db.apiKey.updateMany({
    where: { id: options.apiKeyId, revokedAt: null },
    data: { revokedAt: options.now ?? new Date(), revokedById: options.actor.id },
  });
  if (count === 0) throw new AppError("invalid_state", "This API key was already revoked");
  return view(await db.apiKey.findUniqueOrThrow({ where: { id: options.apiKeyId }, include }));
}
