/** The partner dashboard API's OpenAPI document, generated from its zod schemas. */
import { z } from "zod";
import { MAX_AMOUNT, MAX_PAGE, MAX_YEAR, MIN_YEAR } from "../api/bounds";
import { ERROR_TYPES } from "../api/error-types";
import {
  changePasswordBody,
  credentialsRevokedResponse,
  deactivatedUserResponse,
  tokenRequestSchema,
  tokenResponseSchema,
  tokenUserSchema,
} from "../auth/schemas";
import { BODY_LIMITS, formatBytes } from "../http/body";
import { BANDS, BASELINE_DAYS, CBC_BANDS, IMPROVEMENT_THRESHOLD, RECENT_MONTHS } from "../sponsorship/metrics";
import { sandboxPromptBody } from "../sponsorship/answer-sandbox-prompt";
import { MPESA_ACCEPTED, mpesaCallbackBody } from "../sponsorship/mpesa";
import { PAYBILL_ACCEPTED, paybillConfirmationBody } from "../sponsorship/apply-paybill-confirmation";
import { dashboardStatsResponse } from "../sponsorship/schemas/dashboard";
import { impactResponse, periodQuery, studentOutcomesQuery, studentOutcomesResponse } from "../sponsorship/schemas/impact";
import { listInvoicesQuery, listInvoicesResponse } from "../sponsorship/schemas/invoices";
import { paymentDetailResponse } from "../sponsorship/schemas/payment-detail";
import { organizationDetailsBody, organizationDetailsResponse } from "../billing/schemas/organization";
import { apiKeyCreatedResponse, apiKeyItem, createApiKeyBody, listApiKeysResponse } from "../api-keys/schemas/api-keys";
import { SCOPE_DESCRIPTIONS } from "../api-keys/scopes";
import { EVENT_DESCRIPTIONS } from "../events/event-types";
import { listAuditEventsQuery, listAuditEventsResponse } from "../audit/schemas/audit-events";
import { MAX_ATTEMPTS } from "../webhooks/retry-schedule";
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from "../webhooks/signature";
import {
  createWebhookBody,
  deliveryResponse,
  listDeliveriesResponse,
  listEventsQuery,
  listEventsResponse,
  listWebhooksResponse,
  webhookCreatedResponse,
  webhookItem,
} from "../webhooks/schemas/webhooks";
import { ROLE_DESCRIPTIONS } from "../organizations/permissions";
import {
  acceptInvitationBody,
  changeMemberRoleBody,
  invitationAcceptedResponse,
  invitationCreatedResponse,
  inviteMemberBody,
  listMembersResponse,
  memberRole,
  publicInvitationResponse,
} from "../organizations/schemas/members";
import { listReceiptsQuery, listReceiptsResponse } from "../billing/schemas/receipts";
import { STATEMENT_MAX_YEARS, statementQuery, statementResponse } from "../billing/schemas/statements";
import {
  createPaymentBody,
  createPaymentResponse,
  listPaymentsQuery,
  listPaymentsResponse,
  paymentItem,
  verifyPaymentBody,
} from "../sponsorship/schemas/payments";
import { programTargetsBody, programTargetsResponse } from "../sponsorship/schemas/program-targets";
import {
  createProgramBody,
  createProgramResponse,
  listProgramsQuery,
  listProgramsResponse,
  programDetailResponse,
} from "../sponsorship/schemas/programs";
import { exportReportQuery, exportReportResponse, impactReportQuery, impactReportResponse } from "../sponsorship/schemas/reports";
import {
  createSponsorshipsBody,
  createSponsorshipsResponse,
  listSponsorshipsQuery,
  listSponsorshipsResponse,
  sponsorshipDetailResponse,
} from "../sponsorship/schemas/sponsorships";
import { sponsoredStudentsQuery, sponsoredStudentsResponse } from "../sponsorship/schemas/students";
import {
  createStandingOrderBody,
  listStandingOrdersQuery,
  listStandingOrdersResponse,
  standingOrderDetailResponse,
} from "../standing-orders/schemas";
import { buildOpenApi, type EndpointDoc } from "./build";

const errorSchema = z.object({
  detail: z.union([
    z.string(),
    z.array(z.object({ loc: z.array(z.string()), msg: z.string(), type: z.string() })).describe("One entry per failing field"),
  ]),
});

const METRICS = `
## Metrics
Every figure is computed from stored records, and each quantity has one definition shared by every endpoint, report and page that shows it.

- **Attribution**: an outcome (assessment, course enrolment or completion, certificate, grade promotion, tutor session) counts for a partner only if it happened while the partner funded the student, and inside the period. A sponsorship funds its student from the later of its start date and its payment (activation) to its end date, or its early end; a program funds a participant from the later of the enrolment and the program's funding to the program's end date. The same record can count for two partners who both funded the student at the time.
- **Periods** are calendar months in UTC: \`quarter\` is this month and the two before it, \`year\` this month and the eleven before it, \`all_time\` from the month the partner's funding began; each ends now. Every answer states its bounds as \`period_start\` and \`period_end\`, and a figure uses only records up to its end, so a past period's figures never change when later records arrive. Reports cover exactly the days asked for.
- **Students reached**: students the partner funded at some moment of the period.
- **Average score**: the mean of credited assessment scores (0–100); a student's average is the mean of theirs.
- **Score improvement**: a student's recent average (credited assessments in the last ${RECENT_MONTHS} months of the period) minus their baseline (their assessments in the ${BASELINE_DAYS} days before the partner's funding began), in points. The two windows never overlap. The average is over \`students_measured\`; students without a baseline or without recent assessments are left out and counted in \`students_without_baseline\` and \`students_without_recent_assessments\`.
- **Trend**: \`improving\` at +${IMPROVEMENT_THRESHOLD} points or more, \`declining\` at −${IMPROVEMENT_THRESHOLD} or less, otherwise \`stable\`; a student who cannot be measured shows as \`stable\` with \`score_change: null\` and is counted in \`not_measured_count\`.
- **Performance bands** on a student's period average: excellent ≥ ${BANDS.excellent}, good ≥ ${BANDS.good}, needs improvement ≥ ${BANDS.needs_improvement}, at risk below. **CBC bands**: EE (exceeding expectations) ≥ ${CBC_BANDS.EE}, ME (meeting) ≥ ${CBC_BANDS.ME}, AE (approaching) ≥ ${CBC_BANDS.AE}, BE (below) under ${CBC_BANDS.AE}.
- **Completion rate**: of the course enrolments the partner's funding covered in the period — those completed in it while funded, and those still open at its end of students funded then — the percentage completed.
- **Students advancing a grade**: students with a credited promotion in the period.
- **Platform comparison**: the same averages over outcomes no partner funded (by whole months).
- **Matched comparison**: at the period's end, two adjacent three-month windows (before: months −5 to −3; after: the last three). Each student's change is their average after minus their average before. Sponsored students (assessments in both windows credited to the partner) are matched with students no partner funded in those six months, on current grade, county and CBC band of the "before" average. The difference of mean changes within each matched group, weighted by sponsored students, is the \`difference\`, with a 95% confidence interval from the groups' variances (normal approximation). Groups with fewer than two students on either side are left out; with fewer than 20 matched students on either side there is no figure, only the reason.
- **Money** (\`money\`), in the partner's reporting currency (KES unless set otherwise): **paid in** = completed payments, each converted at the exchange rate recorded when it settled (1 for the same currency; entered by the admin who verifies it, or reported by the provider; never assumed); **disbursed to sponsorships** = the part of it allocated to sponsorships for periods that have started (a sponsorship's amount is split into equal monthly periods from its start date to its end date; money paid in for a period still to come is disbursed when that period starts, and until then is held for it); **committed** = the amounts of the partner's sponsorships (not cancelled) whose dates overlap the period. Money in another currency without a recorded rate is listed in \`not_converted\`, never summed. \`total_invested\`, \`total_investment\` and \`total_paid\` are paid in. A payment funds its sponsorships in their own currency (or converted at its recorded rate), earliest starting first; a sponsorship becomes active only once fully funded, and a partial payment leaves it pending and partly funded. A payment's money is laid over the sponsorship's monthly periods after what earlier payments gave. A sponsorship or program that a pending payment covers cannot be paid for again (409) until that payment fails or expires; nor can a fully funded or cancelled sponsorship.
- **Program targets**: a partner may set, per program, a target for \`score_improvement\` (points), \`completion_rate\` (%) and \`certificates\` (count). Each target is answered with \`actual\` (the program's own outcome under the attribution rule, from its start up to now), \`progress\` (actual as a percentage of the target; \`null\` while nothing can be measured) and \`met\`.
- **ROI**: paid in during the period divided by students reached, credited course completions and credited certificates (0 when nothing to divide by).

## Conventions
Amounts are whole units of \`currency\` (KES unless stated), at most ${MAX_AMOUNT.toLocaleString("en")} in any one field. Dates are between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31. Lists take \`page\` (1 to ${MAX_PAGE.toLocaleString("en")}) and \`limit\` (1–100, default 20) and answer \`total\`, \`page\`, \`limit\` and \`pages\`. A parameter outside its documented values is answered 422 naming it; parameters with fixed choices (\`status\`, \`sort_by\`, \`subject\`, \`format\`…) match without regard to case, and the response echoes the canonical spelling. Another partner's records answer 404. Every POST honours an \`Idempotency-Key\` header.

## Validation errors
A 422 answers \`{"detail": [{"loc", "msg", "type"}]}\`, one entry per failing field; \`loc\` is where it was sent (\`["body", "amount"]\`, \`["query", "page"]\`). \`type\` is one of:
${ERROR_TYPES.map(([type, when]) => `- \`${type}\`: ${when}`).join("\n")}

## Deliberate deviations from the written spec
- **Invalid input is 422**, never 400: the spec's table offers 400 for "invalid parameters or request body" and 422 for "failed validation"; one answer for one idea, with the failing field named, serves a client better.
- **Extra fields** are added where a client needs them, never in place of the spec's: \`payment_reference\`, \`receipt\`, \`sandbox\`, \`program_id\` and \`sponsorship_ids\` on payments; \`invoice_id\`, \`bank_transfer\`, \`checkout_request_id\` and \`client_secret\` on a new payment; \`program_id\` on milestones; \`currency\` on the next scheduled payment; \`school\` on sponsored students; \`eligibility\` on a program.
- **\`reference\`** of a bank transfer is the partner's own \`bank_reference\` when they gave one (ours is \`payment_reference\`), and \`bank_reference\` is optional: the spec's own example sends none.
- **\`phone_number\`** is required for M-Pesa, which the spec does not mention: a prompt needs a phone to go to.

## Security
- **Credentials**: a bearer token from \`POST /api/v1/auth/token\`, or the browser's session cookie. Tokens carry the user's token version: changing the password (\`POST /api/v1/auth/password\`), signing out everywhere (\`POST /api/v1/auth/sign-out-everywhere\`) or deactivation revokes every token and session issued before. A token issued in the future, or valid for longer than \`ACCESS_TOKEN_TTL_SECONDS\`, is refused.
- **Rate limits** (429 with \`Retry-After\`): ${"`RATE_LIMIT_PER_MINUTE`"} (120) requests a minute per user, all their tokens, session and browser forms together; unauthenticated routes the same per client address; ${"`TOKENS_PER_MINUTE`"} (10) tokens a minute per user; ${"`REPORTS_PER_MINUTE`"} (5) newly generated reports a minute per partner. Sign-in attempts are reserved before the password is checked: ${"`SIGNIN_FAILURES_PER_MINUTE`"} (10) a minute and three times that an hour per email and client address, five times that a minute per client address, and ten times that an hour per email, beyond which only addresses the account signed in from before may try.
- **Bodies** are JSON (\`Content-Type: application/json\`, otherwise 415) of at most ${formatBytes(BODY_LIMITS.json)} (413 beyond; M-Pesa callbacks ${formatBytes(BODY_LIMITS.mpesaCallback)}).
- **Browser sessions** may write only from the app's own pages: a write with the session cookie and a cross-site \`Origin\` is refused with 403. Bearer calls are not affected.
`;

const partner = { tags: ["Partner"], security: "bearer" as const };
const team = { tags: ["Organisation"], security: "bearer" as const };
const ROLES_TEXT = Object.entries(ROLE_DESCRIPTIONS)
  .map(([role, text]) => `**${role}**: ${text}.`)
  .join(" ");
const readErrors = [401, 403, 422, 429];
const writeErrors = [...readErrors, 413, 415];
const id = { id: "Record identifier (UUID)" };

const endpoints: EndpointDoc[] = [
  {
    method: "post",
    path: "/api/v1/auth/token",
    tags: ["Authentication"],
    summary: "Exchange email and password for a bearer token",
    description: "Throttled per email and client address (see Security); a throttled attempt answers 429 before the password is checked.",
    body: tokenRequestSchema,
    responses: { 200: { description: "Token issued", schema: tokenResponseSchema } },
    errors: [401, 413, 415, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/auth/me",
    tags: ["Authentication"],
    security: "bearer",
    summary: "The authenticated user",
    responses: { 200: { description: "The user", schema: tokenUserSchema } },
    errors: [401, 429],
  },
  {
    method: "post",
    path: "/api/v1/auth/password",
    tags: ["Authentication"],
    security: "bearer",
    summary: "Change your password",
    description:
      "Needs the current password (throttled like sign-in). Every token and session issued before the change, this one included, stops working.",
    body: changePasswordBody,
    idempotent: true,
    responses: { 200: { description: "Password changed", schema: credentialsRevokedResponse } },
    errors: [401, 403, 413, 415, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/auth/sign-out-everywhere",
    tags: ["Authentication"],
    security: "bearer",
    summary: "Revoke every token and session of your account",
    idempotent: true,
    responses: { 200: { description: "Everything revoked, this token included", schema: credentialsRevokedResponse } },
    errors: [401, 403, 429],
  },
  {
    ...team,
    method: "get",
    path: "/api/v1/organization/members",
    summary: "Members of your organisation",
    description: `Any member, of a partner, brand or creator organisation. ${ROLES_TEXT}`,
    responses: { 200: { description: "Members and open invitations", schema: listMembersResponse } },
    errors: [401, 403, 429],
  },
  {
    ...team,
    method: "post",
    path: "/api/v1/organization/invitations",
    summary: "Invite someone",
    description:
      "Owners and admins (403 otherwise); only an owner invites an owner. Answers the link to give the invitee (`accept_url`, with the invitation's secret token, shown only here; only its hash is kept). It works once, for 7 days. When the server has SMTP configured (SMTP_URL) the link is also emailed to the invitee, and \`emailed\` says whether that worked. An address with an account already, or with an open invitation here, answers 409.",
    body: inviteMemberBody,
    responses: { 201: { description: "Invited", schema: invitationCreatedResponse } },
    errors: [...writeErrors, 409],
  },
  {
    ...team,
    method: "delete",
    path: "/api/v1/organization/invitations/{id}",
    summary: "Withdraw an invitation",
    pathParams: id,
    description: "Owners and admins. Its link stops working; one accepted or withdrawn already answers 409.",
    responses: { 204: { description: "Withdrawn" } },
    errors: [401, 403, 404, 409, 429],
  },
  {
    ...team,
    method: "patch",
    path: "/api/v1/organization/members/{userId}",
    summary: "Change a member's role",
    pathParams: { userId: "The member's user id (UUID)" },
    description:
      "Owners and admins; only an owner makes, changes or unmakes an owner. The last owner cannot lose the role (409). Takes effect on the member's next request.",
    body: changeMemberRoleBody,
    responses: { 200: { description: "The new role", schema: z.object({ user_id: z.string(), role: memberRole }) } },
    errors: [...writeErrors, 404, 409],
  },
  {
    ...team,
    method: "delete",
    path: "/api/v1/organization/members/{userId}",
    summary: "Remove a member",
    pathParams: { userId: "The member's user id (UUID)" },
    description:
      "Owners and admins; only an owner removes an owner, and the last owner stays (409). The member's account, which acted only for this organisation, is deactivated: its tokens and sessions stop working at once. What they did stays recorded under their name.",
    responses: { 204: { description: "Removed" } },
    errors: [401, 403, 404, 409, 429],
  },
  {
    ...team,
    method: "get",
    path: "/api/v1/organization/api-keys",
    summary: "List API keys",
    description: "Owners and admins. Every key of the organisation, newest first, revoked ones included; never the key itself.",
    responses: { 200: { description: "The keys", schema: listApiKeysResponse } },
    errors: [401, 403, 429],
  },
  {
    ...team,
    method: "post",
    path: "/api/v1/organization/api-keys",
    summary: "Make an API key",
    description: `Owners and admins. The answer's \`key\` is shown only once (only its SHA-256 is kept); send it as \`Authorization: Bearer <key>\` on any route of either API. A request with a key acts as the member who made it (never beyond their role, and not once they leave) and only within the key's scopes: a GET needs \`<area>:read\`, anything else \`<area>:write\`, where the area is payments for \`/api/v1/partner/payments\`, \`/statements\`, \`/standing-orders\`, \`/organization\` and \`/api/partnerships/{id}/payments\`, sponsorships for the rest of \`/api/v1/partner\`, partnerships for the rest of \`/api/partnerships\`; otherwise 403. Team, key and account routes take no key. Each key has its own rate limit. ${Object.entries(
      SCOPE_DESCRIPTIONS,
    )
      .map(([scope, text]) => `\`${scope}\`: ${text}.`)
      .join(" ")}`,
    body: createApiKeyBody,
    responses: { 201: { description: "Made", schema: apiKeyCreatedResponse } },
    errors: writeErrors,
  },
  {
    ...team,
    method: "delete",
    path: "/api/v1/organization/api-keys/{id}",
    summary: "Revoke an API key",
    pathParams: id,
    description: "Owners and admins. Requests with the key are refused (401) from now on; a key revoked already answers 409.",
    responses: { 200: { description: "Revoked", schema: z.object({ api_key: apiKeyItem }) } },
    errors: [401, 403, 404, 409, 429],
  },
  {
    ...team,
    method: "get",
    path: "/api/v1/organization/webhooks",
    summary: "List webhooks",
    description: "Owners and admins. Every endpoint of the organisation, newest first, deleted ones included; never the secret.",
    responses: { 200: { description: "The endpoints", schema: listWebhooksResponse } },
    errors: [401, 403, 429],
  },
  {
    ...team,
    method: "post",
    path: "/api/v1/organization/webhooks",
    summary: "Register a webhook",
    description: `Owners and admins. The URL must be https and its host must resolve only to public addresses: loopback, private, link-local, shared and reserved ranges are refused (422), here and again at every connection. Each chosen event is POSTed as JSON (the body \`GET /api/v1/events\` shows for it) with the header \`${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>\`; verify it over the raw body and refuse a timestamp more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes away. \`Harambee-Event-Id\` names the event: a delivery may come more than once, so skip ids already handled. Any 2xx within 10 seconds delivers it; anything else is retried after 1, 5, 15 and 30 minutes, then 1, 2, 4, 8 and 8 hours (${MAX_ATTEMPTS} attempts over about a day) before it is marked failed; it can be resent. The answer's \`secret\` is shown only once. Event types: ${Object.entries(
      EVENT_DESCRIPTIONS,
    )
      .map(([type, text]) => `\`${type}\`: ${text}.`)
      .join(" ")}`,
    body: createWebhookBody,
    responses: { 201: { description: "Registered", schema: webhookCreatedResponse } },
    errors: writeErrors,
  },
  {
    ...team,
    method: "delete",
    path: "/api/v1/organization/webhooks/{id}",
    summary: "Delete a webhook",
    pathParams: id,
    description: "Owners and admins. Nothing more is sent to it, pending deliveries included; its delivery log stays readable.",
    responses: { 200: { description: "Deleted", schema: z.object({ webhook: webhookItem }) } },
    errors: [401, 403, 404, 429],
  },
  {
    ...team,
    method: "get",
    path: "/api/v1/organization/webhooks/{id}/deliveries",
    summary: "A webhook's delivery log",
    pathParams: id,
    description:
      "Owners and admins. The latest 100 deliveries, newest first, each with every attempt: when, the receiver's status (null for a timeout or a refused or failed connection), the error and how long it took.",
    responses: { 200: { description: "The deliveries", schema: listDeliveriesResponse } },
    errors: [401, 403, 404, 429],
  },
  {
    ...team,
    method: "post",
    path: "/api/v1/organization/webhooks/{id}/deliveries/{deliveryId}/resend",
    summary: "Resend a delivery",
    pathParams: { id: "The webhook's id (UUID)", deliveryId: "The delivery's id (UUID)" },
    description:
      "Owners and admins. Sends it again now, whatever became of it, with a fresh round of retries; its earlier attempts stay in its log.",
    idempotent: true,
    responses: { 200: { description: "Queued again", schema: deliveryResponse } },
    errors: [401, 403, 404, 429],
  },
  {
    ...team,
    method: "get",
    path: "/api/v1/organization/audit-log",
    summary: "Audit log",
    description:
      "Owners and admins of an organisation (403 for other roles; API keys are refused), and the platform's admins, who may filter by `organization_id`. Every change asked for through either API (its method and route, e.g. `POST /api/partnerships/{partnershipId}/contract/sign`) or a form of the app (e.g. `proposal.send`), answered or refused: who (the member, and the API key if one was used), what (the action and the ids it named), when, from where (client address and user agent), and the outcome (HTTP status, and the refusal's words). Reads are not recorded. Newest first; filters `user_id`, `action` (part of it, any case), `channel` (`api` or `app`), `succeeded`, `from`/`to` (days, inclusive). `format=csv` answers every matching row (at most 10,000) as CSV.",
    query: listAuditEventsQuery,
    responses: {
      200: {
        description: "A page of the log (JSON), or every matching row as CSV",
        schema: listAuditEventsResponse,
        mediaType: ["application/json", "text/csv"],
      },
    },
    errors: [401, 403, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/events",
    tags: ["Organisation"],
    security: "bearer",
    summary: "List events",
    description:
      "Any member; an API key with any read scope, seeing the events of the areas it reads (payments, sponsorships, partnerships). The organisation's events, oldest first: pass the last id you handled as `after` to get the ones since, and follow `has_more`. An event appears when the change it reports is committed, so one may land a moment before the last id you saw: re-read from an id a minute older and skip ids already handled. An unknown `after` answers 422. The same events are sent to the organisation's webhooks and notified to its members.",
    query: listEventsQuery,
    responses: { 200: { description: "Events", schema: listEventsResponse } },
    errors: [401, 403, 422, 429],
  },
  {
    method: "get",
    path: "/api/v1/invitations/{token}",
    tags: ["Organisation"],
    summary: "Read an invitation link",
    pathParams: { token: "The token from the invitation link" },
    description: "No authentication: the token is the credential. Unknown token 404; accepted, withdrawn or expired 410.",
    responses: { 200: { description: "Whom it invites", schema: publicInvitationResponse } },
    errors: [404, 410, 429],
  },
  {
    method: "post",
    path: "/api/v1/invitations/{token}/accept",
    tags: ["Organisation"],
    summary: "Accept an invitation",
    pathParams: { token: "The token from the invitation link" },
    description:
      "Creates the invitee's account: the invited email, the name and password given (at least 10 characters), the organisation's kind (a partner's member is a partner user) and the invited role. Works once; then sign in with `POST /api/v1/auth/token`. Unknown token 404; accepted, withdrawn or expired 410; an email that has an account already 409.",
    body: acceptInvitationBody,
    responses: { 201: { description: "The account is made", schema: invitationAcceptedResponse } },
    errors: [404, 409, 410, 413, 415, 422, 429],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/dashboard/stats",
    summary: "Dashboard overview",
    responses: { 200: { description: "Overview", schema: dashboardStatsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/sponsorships",
    summary: "List sponsorships",
    query: listSponsorshipsQuery,
    responses: { 200: { description: "A page of sponsorships", schema: listSponsorshipsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/sponsorships",
    summary: "Sponsor students",
    description:
      "Creates one pending sponsorship per student, all or none. `course_ids` is required for `course_specific`; a student with an active or pending sponsorship from the same partner overlapping the dates answers 409. Unknown students or courses answer 422.",
    body: createSponsorshipsBody,
    idempotent: true,
    responses: { 201: { description: "Created", schema: createSponsorshipsResponse } },
    errors: [...writeErrors, 409],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/sponsorships/{id}",
    summary: "Sponsorship detail",
    pathParams: id,
    responses: { 200: { description: "The sponsorship", schema: sponsorshipDetailResponse } },
    errors: [...readErrors, 404],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/sponsored-students",
    summary: "Sponsored students with their figures (all time)",
    query: sponsoredStudentsQuery,
    responses: { 200: { description: "A page of students", schema: sponsoredStudentsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/impact",
    summary: "Impact metrics",
    query: periodQuery,
    responses: { 200: { description: "Impact", schema: impactResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/impact/student-outcomes",
    summary: "Student outcome analytics",
    query: studentOutcomesQuery,
    responses: { 200: { description: "Outcomes", schema: studentOutcomesResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/impact/reports",
    summary: "Generate an impact report",
    description:
      "Generates and stores the report in the requested format; download it from `download_url` within 24 hours. Without dates the report covers the same months as `GET /partner/impact?period=year`: this month and the eleven before it, up to now. Safe to repeat: asking again for the same format and period, with no change to the partner's data since, answers the stored report (same `id`) instead of generating another; new reports count against `REPORTS_PER_MINUTE`.",
    query: impactReportQuery,
    responses: { 200: { description: "Report generated", schema: impactReportResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/reports/export",
    summary: "Export a report (impact, financial, student outcomes)",
    description:
      "CSV exports have one row per sponsored student (impact, student_outcomes) or per payment (financial). Repeating a request answers the stored report, as for /impact/reports.",
    query: exportReportQuery,
    responses: { 200: { description: "Report generated", schema: exportReportResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/reports/{id}/download",
    summary: "Download a generated report",
    pathParams: id,
    description:
      "Only the partner that generated the report can download it. After `expires_at` the answer is 410; a week later the file is deleted and the answer is 404.",
    responses: {
      200: {
        description: "The report file, in the format it was generated in",
        mediaType: ["application/pdf", "text/csv", "application/json"],
      },
    },
    errors: [401, 403, 404, 410, 429],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/programs",
    summary: "List programs",
    query: listProgramsQuery,
    responses: { 200: { description: "A page of programs", schema: listProgramsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/programs",
    summary: "Create a program (in planning)",
    body: createProgramBody,
    idempotent: true,
    responses: { 201: { description: "Created", schema: createProgramResponse } },
    errors: writeErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/programs/{id}",
    summary: "Program detail",
    pathParams: id,
    description:
      "`participants.average_score`, `participants.completion_rate` and `outcomes` follow the attribution rule: only what participants did while the program funded them (from the later of their enrolment and the program's funding to its end date), up to now. `spent` counts money in another currency at the rate recorded when it settled, and leaves out money with no recorded rate.",
    responses: { 200: { description: "The program", schema: programDetailResponse } },
    errors: [...readErrors, 404],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/programs/{id}/targets",
    summary: "Program targets and progress",
    pathParams: id,
    description:
      "Each target beside the figure it is measured by: `score_improvement` against `outcomes.average_score_improvement` (points), `completion_rate` against `outcomes.completion_rate` (percent), `certificates` against `outcomes.certificates`.",
    responses: { 200: { description: "The targets", schema: programTargetsResponse } },
    errors: [...readErrors, 404],
  },
  {
    ...partner,
    method: "put",
    path: "/api/v1/partner/programs/{id}/targets",
    summary: "Set program targets",
    pathParams: id,
    description:
      "Replaces the program's targets with the set given (an empty list removes them). Each metric at most once; `score_improvement` and `completion_rate` up to 100, `certificates` a whole number. Repeating the same body changes nothing.",
    body: programTargetsBody,
    responses: { 200: { description: "The targets with progress", schema: programTargetsResponse } },
    errors: [...writeErrors, 404],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments",
    summary: "Payment history",
    query: listPaymentsQuery,
    responses: { 200: { description: "A page of payments", schema: listPaymentsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/payments",
    summary: "Make a payment",
    description:
      "Creates a pending payment and its invoice. A sponsorship or program that another pending payment already covers is refused with 409 (naming that payment's reference) until that payment fails or expires, as is a sponsorship already fully funded or cancelled; a pending bank transfer or PayPal payment expires at the end of its invoice's due date (14 days). `bank_reference` is required for bank transfers; M-Pesa needs `phone_number`, a Safaricom number as 0712345678, 712345678, 254712345678 or +254712345678 (0110… numbers too): with Daraja configured the payer's phone is prompted for their PIN at once (STK push), and should Safaricom refuse the request or not be reachable, the payment is recorded as failed (failure_code `provider_error`) and the answer is 502; a prompt not answered within 10 minutes fails the payment as `expired`. The payment completes when an admin verifies it (bank transfer, PayPal), when M-Pesa reports the result, or, for `stripe`, when Stripe reports the card charge succeeded: with Stripe keys the response carries `client_secret` for Stripe.js to collect the card; without them, where sandbox payments are enabled, the charge is a sandbox one (`sandbox: true`) settled with POST /api/v1/partner/payments/{id}/sandbox-prompt, and where they are not, card payments are refused with 502; completion activates the sponsorships it funds and moves a funded program out of planning.",
    body: createPaymentBody,
    idempotent: true,
    responses: { 201: { description: "Payment initiated", schema: createPaymentResponse } },
    errors: [...writeErrors, 404, 409, 502],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments/{id}",
    summary: "One payment, to follow until it settles",
    pathParams: id,
    description:
      "One of the partner's own payments (404 for any other): its status, and once it failed, why (`failure_code`, `failure_reason`); when a pending bank transfer or PayPal payment expires (`expires_at`); and, for a pending bank transfer, where to send the money and the exact reference to quote (`instructions`, with M-Pesa Paybill when configured). Poll it every few seconds while `status` is `pending`.",
    responses: { 200: { description: "The payment", schema: paymentDetailResponse } },
    errors: [...readErrors, 404],
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/payments/{id}/sandbox-prompt",
    summary: "Answer the simulated M-Pesa prompt or card payment (sandbox only)",
    pathParams: id,
    description:
      "Only for the partner's own pending sandbox M-Pesa and card payments (`sandbox: true`), on servers where sandbox payments are enabled. For M-Pesa, `approve` stands for the payer entering their PIN: the payment completes as a successful M-Pesa result would complete it; `cancel` fails it as result 1032 (cancelled by the user). For a card payment, `approve` completes it as Stripe's report of a successful charge would, and `cancel` fails it as a declined card. No real money moves.",
    body: sandboxPromptBody,
    idempotent: true,
    responses: { 200: { description: "The payment after the answer", schema: paymentItem } },
    errors: [...writeErrors, 404, 409],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments/invoices",
    summary: "Invoices",
    query: listInvoicesQuery,
    responses: { 200: { description: "A page of invoices", schema: listInvoicesResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments/invoices/{id}/pdf",
    summary: "Invoice as PDF",
    pathParams: id,
    description:
      "The issuer's and the partner's legal names, addresses and KRA PINs as they were when the invoice was issued, the invoice number, issue and due dates, status (PAID, VOID, DUE or OVERDUE), its lines with the total and, while it is due, how to pay it: the bank account and (where configured) the M-Pesa Paybill, quoting the payment's reference. Invoices of sandbox payments say so.",
    responses: { 200: { description: "The invoice", mediaType: "application/pdf" } },
    errors: [401, 403, 404, 429],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments/receipts",
    summary: "Receipts",
    description:
      "One receipt per completed payment, newest first, numbered `RCT-<account code>-<year>-<NNNN>` in the partner's own series. A receipt is issued when the payment completes; a payment completed before receipts were issued gets its receipt the first time the partner lists receipts or asks for a statement (oldest payment first).",
    query: listReceiptsQuery,
    responses: { 200: { description: "A page of receipts", schema: listReceiptsResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/payments/receipts/{id}/pdf",
    summary: "Receipt as PDF",
    pathParams: id,
    description:
      "Both parties' details as at issue, the amount in figures and in words, the method, the provider's receipt (M-Pesa receipt number, Stripe charge or bank reference), our payment reference and what the payment paid (the invoice and its lines).",
    responses: { 200: { description: "The receipt", mediaType: "application/pdf" } },
    errors: [401, 403, 404, 429],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/statements",
    summary: "Statement of account",
    description: `The account between the issuer and the partner in one currency (\`currency\`, the partner's reporting currency unless given) from \`start_date\` to \`end_date\` inclusive (both required, \`end_date\` not before \`start_date\`, less than ${STATEMENT_MAX_YEARS} years apart; 422 otherwise). **Balance**: positive is owed by the partner, negative is the partner's credit. \`opening_balance\` is what was owed at the start of \`start_date\`: invoices issued before it, less invoices voided and payments received before it, plus refunds before it. Each line is one movement in date order with the running balance after it: \`invoice_issued\` (debit, by issue date), \`invoice_voided\` (credit, by the day it was voided), \`payment_received\` (credit, the completed payment's amount on the day it completed, with its receipt number, method and provider receipt) and \`refund\` (debit, on the day the payment was refunded). \`closing_balance\` = \`opening_balance\` + \`total_debits\` - \`total_credits\`. \`format=csv\` answers the same lines as CSV (an opening row first, a closing row with the totals last); \`format=pdf\` as a PDF.`,
    query: statementQuery,
    responses: {
      200: {
        description: "The statement (JSON by default; CSV or PDF with `format`)",
        schema: statementResponse,
        mediaType: ["application/json", "text/csv", "application/pdf"],
      },
    },
    errors: readErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/organization",
    summary: "Organisation details for documents",
    description:
      "The legal name, address, KRA PIN and billing email printed on the partner's invoices, receipts and statements, and the account code that names its document series.",
    responses: { 200: { description: "The details", schema: organizationDetailsResponse } },
    errors: [401, 403, 429],
  },
  {
    ...partner,
    method: "put",
    path: "/api/v1/partner/organization",
    summary: "Set organisation details for documents",
    description:
      "Sets the details printed on documents issued from now on; documents already issued keep the details they were issued with. A field left out stays as it is; an empty string or null clears it. `kra_pin` must be a letter, 9 digits and a letter (P051234567X) and is stored in capitals.",
    body: organizationDetailsBody,
    responses: { 200: { description: "The details after the change", schema: organizationDetailsResponse } },
    errors: writeErrors,
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/standing-orders",
    summary: "List standing orders",
    query: listStandingOrdersQuery,
    responses: { 200: { description: "A page of standing orders", schema: listStandingOrdersResponse } },
    errors: readErrors,
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/standing-orders",
    summary: "Set up a standing order",
    description:
      "A recurring payment for one of the partner's programs (`program_id`) or a set of their pending or active sponsorships (`sponsorship_ids`). Dates are UTC calendar dates. Runs fall due on `start_date` (today or later) and then every month, three months or year on the same day of the month, clamped to the month's last day (31 January, 28 or 29 February, 31 March); none after `end_date`. On each due date a payment and its invoice are started: M-Pesa prompts `phone_number` (KES only), a bank transfer answers with where to send the money. A payment that fails or cannot start is retried after 1 hour, 6 hours and 24 hours, then the run fails; each due date is charged at most once. A run for sponsorships pays at most what they still need, and is skipped when every one is fully funded or has ended. Another partner's program or sponsorship, or a sponsorship that is not pending or active, answers 404.",
    body: createStandingOrderBody,
    idempotent: true,
    responses: { 201: { description: "Created", schema: standingOrderDetailResponse } },
    errors: [...writeErrors, 404],
  },
  {
    ...partner,
    method: "get",
    path: "/api/v1/partner/standing-orders/{id}",
    summary: "Standing order detail",
    pathParams: id,
    description: "The order with every run (newest due date first) and each run's payment attempts, with why they failed.",
    responses: { 200: { description: "The standing order", schema: standingOrderDetailResponse } },
    errors: [...readErrors, 404],
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/standing-orders/{id}/pause",
    summary: "Pause a standing order",
    pathParams: id,
    description:
      "Only an active order: nothing falls due and no retry is made until it is resumed. A payment already under way is left to settle. Any other status answers 409.",
    idempotent: true,
    responses: { 200: { description: "The paused order", schema: standingOrderDetailResponse } },
    errors: [...readErrors, 404, 409],
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/standing-orders/{id}/resume",
    summary: "Resume a standing order",
    pathParams: id,
    description:
      "Only a paused order: it falls due again from its first due date on or after today (UTC); the periods that fell due while it was paused are not charged. An order resumed after its last due date before `end_date` becomes `finished`. Any other status answers 409.",
    idempotent: true,
    responses: { 200: { description: "The resumed order", schema: standingOrderDetailResponse } },
    errors: [...readErrors, 404, 409],
  },
  {
    ...partner,
    method: "post",
    path: "/api/v1/partner/standing-orders/{id}/cancel",
    summary: "Cancel a standing order",
    pathParams: id,
    description:
      "An active or paused order: nothing falls due again, and runs waiting for a retry are skipped. A payment already under way is left to settle, with no retry. A cancelled or finished order answers 409.",
    idempotent: true,
    responses: { 200: { description: "The cancelled order", schema: standingOrderDetailResponse } },
    errors: [...readErrors, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/admin/payments/{id}/verify",
    tags: ["Administration"],
    security: "bearer",
    pathParams: id,
    summary: "Verify a pending payment (admin)",
    description:
      "Marks a pending payment completed or failed. Completion activates the sponsorships it funds, records their disbursements, moves a funded program out of planning and marks the invoice paid. Repeating the same outcome changes nothing; asking for the other outcome answers 409.",
    body: verifyPaymentBody,
    idempotent: true,
    responses: { 200: { description: "The payment after verification", schema: paymentItem } },
    errors: [401, 403, 404, 409, 413, 415, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/admin/users/{id}/deactivate",
    tags: ["Administration"],
    security: "bearer",
    pathParams: id,
    summary: "Deactivate an account (admin)",
    description: "The account can no longer sign in, and every token and session it holds stops working at once.",
    idempotent: true,
    responses: { 200: { description: "Deactivated", schema: deactivatedUserResponse } },
    errors: [401, 403, 404, 409, 429],
  },
  {
    method: "post",
    path: "/api/v1/payments/mpesa/callback/{token}",
    tags: ["Administration"],
    summary: "M-Pesa STK push result callback",
    description: `Called by Safaricom with the result of an STK push; the server registers \`<DARAJA_CALLBACK_BASE_URL>/api/v1/payments/mpesa/callback/<DARAJA_CALLBACK_TOKEN>\` as the CallBackURL. The token is compared in constant time; a wrong token, or none configured on the server, answers 404 and changes nothing. With DARAJA_CALLBACK_ALLOWED_IPS set, a sender outside that list (or one whose address the server cannot know) is refused with 403; X-Forwarded-For is believed only from TRUSTED_PROXIES. A valid body is answered at once with {ResultCode: 0} and applied afterwards on the job queue: each CheckoutRequestID once, the body kept as it came; ResultCode 0 completes the payment only for the expected amount from the expected phone (otherwise it fails with failure_code \`mismatch\`); another result fails it with the failure_code of that result (see the payment's failure_code); a result for a payment already settled, or for an unknown id, changes nothing, and a confirmed success is never overwritten. A result that never comes is found by STK Query from a reconciliation job. Bodies are limited to ${formatBytes(BODY_LIMITS.mpesaCallback)}.`,
    body: mpesaCallbackBody,
    responses: {
      200: { description: "Acknowledged", schema: z.object({ ResultCode: z.literal(MPESA_ACCEPTED.ResultCode), ResultDesc: z.string() }) },
    },
    errors: [403, 404, 413, 415, 422, 429],
  },
  {
    method: "post",
    path: "/api/v1/payments/paybill/confirmation/{token}",
    tags: ["Administration"],
    summary: "M-Pesa Paybill (C2B) confirmation callback",
    description: `Register \`<DARAJA_CALLBACK_BASE_URL>/api/v1/payments/paybill/confirmation/<DARAJA_CALLBACK_TOKEN>\` as the ConfirmationURL of the Paybill shown to partners (MPESA_PAYBILL_NUMBER; Safaricom refuses C2B URLs containing "mpesa", hence the path). Same token and sender checks as the STK push callback (404 for a wrong token, 403 outside DARAJA_CALLBACK_ALLOWED_IPS). A valid body is answered at once with {ResultCode: 0} and applied on the job queue, each TransID once with the body kept as it came: BillRefNumber (the account number the payer typed) names a payment by its reference (any case, spaces or underscores optional); a pending KES payment of exactly TransAmount, paid to our shortcode, completes with TransID as its receipt. Any other confirmation (unknown reference, other amount or shortcode, payment already settled) changes no payment: its money waits on the admin's list of M-Pesa money to settle by hand. Bodies are limited to ${formatBytes(BODY_LIMITS.mpesaCallback)}.`,
    body: paybillConfirmationBody,
    responses: {
      200: {
        description: "Acknowledged",
        schema: z.object({ ResultCode: z.literal(PAYBILL_ACCEPTED.ResultCode), ResultDesc: z.string() }),
      },
    },
    errors: [403, 404, 413, 415, 422, 429],
  },
];

export function partnerApiDocument() {
  return buildOpenApi({
    title: "Harambee Partner Dashboard API",
    version: "1.0.0",
    description: `Sponsorships, programs, payments and the measured impact of a partner's money.\n\n**Roles.** A partner user acts for their organisation with a role. Every member reads everything. Creating sponsorships and programs and setting targets takes the day-to-day role (owner, admin or member). Payments, card and sandbox answers, standing orders and the organisation's document details take a role that handles money (owner, admin or finance). Members and invitations take owner or admin. Anything else answers 403 and changes nothing. ${ROLES_TEXT}\n${METRICS}`,
    serverUrl: "http://localhost:8000",
    errorSchema,
    errorDescriptions: {
      400: "Bad request",
      401: "Missing or invalid bearer token or API key",
      403: "The user does not have the required role, their role in their organisation does not allow the action, or a cross-site write was made with the session cookie",
      404: "Not found, or not the caller's",
      409: "Conflicts with existing records",
      410: "No longer available",
      413: "Request body too large",
      415: "Request body is not JSON",
      422: "Validation error naming each failing field",
      429: "Rate limit exceeded",
      502: "The payment provider (Stripe or M-Pesa) refused or could not be reached; nothing was charged. A card payment is then not recorded; an M-Pesa payment is recorded as failed with failure_code provider_error",
    },
    endpoints,
  });
}
