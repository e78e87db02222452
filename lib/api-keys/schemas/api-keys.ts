import { z } from "zod";
import { API_KEY_SCOPES } from "../scopes";

export const apiKeyScope = z.enum(API_KEY_SCOPES);

export const createApiKeyBody = z.object({
  name: z.string().trim().min(2, "must be at least 2 characters").max(80).describe("What the key is for, e.g. the integration's name"),
  scopes: z
    .array(apiKeyScope)
    .min(1, "choose at least one scope")
    .max(API_KEY_SCOPES.length)
    .describe("Read or write per area; a partner's keys take sponsorships and payments, a brand's or creator's partnerships and payments"),
});

export const apiKeyItem = z.object({
  id: z.string().describe("API key identifier (UUID)"),
  name: z.string(),
  prefix: z.string().describe("The key's first characters (hmb_ and 8 more): how it is recognised in lists and logs"),
  scopes: z.array(apiKeyScope),
  created_by: z.string().describe("Name of the member who made it: requests with the key act as them, within its scopes"),
  created_at: z.string(),
  last_used_at: z.string().nullable().describe("When a request last used it (to the minute), or null"),
  revoked_at: z.string().nullable(),
});

export const listApiKeysResponse = z.object({ api_keys: z.array(apiKeyItem) });

export const apiKeyCreatedResponse = z.object({
  api_key: apiKeyItem,
  key: z.string().describe("The key itself, shown only in this answer: send it as `Authorization: Bearer <key>`"),
});
