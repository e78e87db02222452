/** GET /organization/audit-log: who did what, when and from where. */
import { z } from "zod";
import { intParam } from "../../api/query-params";
import { dateParam } from "../../schemas/dates";
import { uuidString } from "../../schemas/ids";
import { pageFields, paginationQuery } from "../../schemas/pagination";

export const AUDIT_CHANNELS = ["api", "app"] as const;
export const AUDIT_FORMATS = ["json", "csv"] as const;
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

export const auditChannel = z.enum(AUDIT_CHANNELS).describe("api: a request to either API; app: a form of the app");

/** The filters the list and the CSV export share. */
export const auditEventFilters = {
  organization_id: uuidString.optional().describe("Platform admins only: the rows of one organisation (others always see their own)"),
  user_id: uuidString.optional().describe("Only what this member did"),
  action: z.string().trim().min(1).max(200).optional().describe("Part of the action, in any case: `proposals`, `POST`, `member.`"),
  channel: auditChannel.optional(),
  succeeded: z.enum(["true", "false"]).optional().describe("true: only changes that were made; false: only refusals"),
  from: dateParam.optional().describe("First day (YYYY-MM-DD, UTC), inclusive"),
  to: dateParam.optional().describe("Last day (YYYY-MM-DD, UTC), inclusive"),
};

function checkDays(query: { from?: Date; to?: Date }, ctx: z.RefinementCtx) {
  if (query.from && query.to && query.to < query.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
}

export const auditEventFiltersQuery = z.object(auditEventFilters).superRefine(checkDays);

export const listAuditEventsQuery = z
  .object({
    ...auditEventFilters,
    page: paginationQuery.page,
    limit: intParam(1, 100).default(50),
    format: z.enum(AUDIT_FORMATS).default("json").describe(`csv: every matching row (up to ${AUDIT_CSV_MAX_ROWS}) as a file`),
  })
  .superRefine(checkDays);

export const auditEventItem = z.object({
  id: z.string().describe("Audit event identifier (UUID)"),
  occurred_at: z.string().describe("When it was asked for (ISO 8601)"),
  organization_id: z.string().nullable(),
  user_id: z.string().nullable().describe("Who asked (null once their account is gone)"),
  member: z.string().nullable().describe("Their name"),
  email: z.string().nullable(),
  api_key_id: z.string().nullable().describe("The API key the request came with, if any"),
  channel: auditChannel,
  action: z
    .string()
    .describe(
      "The API's method and route (`POST /api/partnerships/{partnershipId}/contract/sign`), or the form's action (`proposal.send`)",
    ),
  target: z.record(z.string(), z.union([z.string(), z.array(z.string())])).describe("The ids the request named, by name"),
  succeeded: z.boolean(),
  status: z.number().int().describe("The HTTP status answered (a form: 200, or the status of its error)"),
  error: z.string().nullable().describe("Why it was refused, in the words the caller was given"),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
});

export const listAuditEventsResponse = z.object({
  audit_events: z.array(auditEventItem).describe("Newest first"),
  pagination: z.object(pageFields),
});
