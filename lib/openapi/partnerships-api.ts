/** The partnerships API's OpenAPI document, generated from its zod schemas. */
import { z } from "zod";
import * as contracts from "../partnerships/schemas/contracts";
import * as deliverables from "../partnerships/schemas/deliverables";
import * as partnerships from "../partnerships/schemas/partnerships";
import * as payments from "../partnerships/schemas/payments";
import * as proposals from "../partnerships/schemas/proposals";
import { buildOpenApi, type EndpointDoc } from "./build";

const errorSchema = z.object({
  error: z.object({
    code: z
      .enum([
        "invalid_request",
        "authentication_required",
        "insufficient_permissions",
        "resource_not_found",
        "invalid_state",
        "conflict",
        "rate_limited",
        "internal_server_error",
        "cross_origin_request",
        "payload_too_large",
        "length_required",
        "unsupported_media_type",
        "payment_provider_unavailable",
      ])
      .describe(
        "The spec's codes, and: conflict (409, the request duplicates an existing record, named in details), cross_origin_request (403), payload_too_large (413), length_required (411), unsupported_media_type (415), payment_provider_unavailable (502)",
      ),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).describe("For invalid_request, `fields` lists each failing field"),
  }),
});

const DESCRIPTION = `
Creators and brands: proposals, counter-proposals, contracts signed by both parties, deliverables, and payments held in escrow until the brand releases them.

## Lifecycle
- Proposals: draft → sent → accepted | countered | rejected. Only the sender edits or sends a draft; only the recipient accepts, counters or rejects a sent proposal. A counter is a new proposal from the counter-party, linked to the one it answers (which becomes countered). Acceptance creates the partnership, its deliverables and its payment schedule ("N% upfront, M% on completion" gives an initial and a final payment; otherwise one final payment), all at once.
- Contracts: generated once per partnership as a PDF (documentUrl, parties only), then sent → signed_creator | signed_brand → active when both have signed. Each party signs once.
- Deliverables: pending | in_progress → submitted (creator, https URL) → approved (brand), or back to in_progress when the brand asks for a revision with feedback.
- Payments: the brand initiates once the contract is active; the charge is a Stripe PaymentIntent (clientSecret for Stripe Elements). The payment is pending until Stripe reports success, then held in escrow (in_progress); the brand releases it to the creator once the deliverables it covers are approved (completed, a Stripe transfer). A failed charge makes it failed. Without Stripe keys a sandbox provider stands in: the response says paymentIntent.sandbox = true and POST …/confirm plays Stripe's success webhook.
- A partnership completes when every deliverable is approved and every payment released.

## Conventions
Amounts are decimal numbers of the currency. A user who is not a party gets 404 for a proposal or partnership and everything under it; a party doing what only the other side may do gets 403; an action in the wrong state gets 409 invalid_state; invalid input gets 400 invalid_request naming the fields. Lists take page (up to 10,000) and limit (max 100) and answer a pagination object; list filters with fixed choices (status, role) match without regard to case. Amounts are at most 10,000,000,000; dates lie between 1900-01-01 and 2100-12-31. Every POST honours an Idempotency-Key header. Concurrent conflicting requests are decided by the database: exactly one succeeds.

## Deliberate deviations from the written spec
- **404, not 403, for a stranger**: someone who is not a party to a proposal or partnership is told it does not exist, so that ids cannot be probed; 403 is for a party doing what only the other side may do.
- **A draft is the sender's alone**: until it is sent, its recipient gets 404 and does not see it listed.
- **Extra fields** where a client needs them: \`counterOfId\`, \`rejectionReason\`, \`sentAt\`, \`respondedAt\` and a history \`note\` on proposals; \`senderId\`, \`recipientId\` and \`campaignId\` in the proposal list; \`paymentIntent.sandbox\`.
- **Error codes beyond the spec's list** for answers it does not cover: \`conflict\`, \`cross_origin_request\`, \`payload_too_large\`, \`length_required\`, \`unsupported_media_type\`, \`payment_provider_unavailable\`.

## Duplicate offers
A sender may have only one unanswered (sent) proposal to a recipient per campaign (or without a campaign). Creating, sending or countering into a second one answers 409 \`conflict\` with the existing proposal's id in \`details.proposalId\`; drafts do not count.

## Security
Bodies are JSON (\`Content-Type: application/json\`, else 415 \`unsupported_media_type\`) of at most 1 MiB (413 \`payload_too_large\`). A write made with the browser's session cookie must come from the app's own pages (403 \`cross_origin_request\` otherwise); bearer calls are not affected. Each user may make RATE_LIMIT_PER_MINUTE (120) requests a minute across all their tokens and sessions (429 with Retry-After). Stripe webhooks: bodies up to 1 MiB; a charge for another amount or currency than the payment's funds nothing and fails the payment.

## Validation errors
\`details.fields\` lists each failing field as \`{path, message, type}\`; \`type\` uses the same vocabulary as the partner API (\`value_error.missing\`, \`type_error.*\`, \`value_error.*\`), described there.
`;

const party = { tags: ["Partnerships"], security: "bearer" as const };
const common = [400, 401, 403, 404, 409, 413, 415, 429];
const proposalId = { proposalId: "Proposal identifier (UUID)" };
const partnershipId = { partnershipId: "Partnership identifier (UUID)" };
const deliverable = { ...partnershipId, deliverableId: "Deliverable identifier (UUID)" };
const payment = { ...partnershipId, paymentId: "Payment identifier (UUID)" };
const post = (doc: Omit<EndpointDoc, "method" | "tags" | "security" | "errors" | "idempotent"> & { errors?: number[] }): EndpointDoc => ({
  ...party,
  method: "post",
  idempotent: true,
  errors: common,
  ...doc,
});

const endpoints: EndpointDoc[] = [
  post({
    path: "/api/partnerships/proposals",
    summary: "Create a proposal (draft)",
    body: proposals.createProposalBody,
    responses: { 201: { description: "Created", schema: proposals.proposalResponse } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/proposals",
    summary: "List proposals",
    query: proposals.listProposalsQuery,
    responses: { 200: { description: "A page of proposals", schema: proposals.listProposalsResponse } },
    errors: [400, 401, 403, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/proposals/{proposalId}",
    pathParams: proposalId,
    summary: "Get a proposal with its history",
    responses: { 200: { description: "The proposal", schema: proposals.proposalResponse } },
    errors: [401, 403, 404, 429],
  },
  {
    ...party,
    method: "patch",
    path: "/api/partnerships/proposals/{proposalId}",
    pathParams: proposalId,
    summary: "Edit a draft (sender)",
    body: proposals.updateProposalBody,
    responses: { 200: { description: "Updated", schema: proposals.proposalResponse } },
    errors: common,
  },
  post({
    path: "/api/partnerships/proposals/{proposalId}/send",
    pathParams: proposalId,
    summary: "Send a draft (sender)",
    responses: { 200: { description: "Sent", schema: proposals.proposalResponse } },
  }),
  post({
    path: "/api/partnerships/proposals/{proposalId}/accept",
    pathParams: proposalId,
    summary: "Accept (recipient): creates the partnership",
    responses: { 200: { description: "Accepted", schema: proposals.acceptProposalResponse } },
  }),
  post({
    path: "/api/partnerships/proposals/{proposalId}/counter",
    pathParams: proposalId,
    summary: "Counter (recipient): a new proposal back",
    body: proposals.counterProposalBody,
    responses: { 201: { description: "The counter-proposal", schema: proposals.proposalResponse } },
  }),
  post({
    path: "/api/partnerships/proposals/{proposalId}/reject",
    pathParams: proposalId,
    summary: "Reject (recipient)",
    body: proposals.rejectProposalBody,
    responses: { 200: { description: "Rejected", schema: proposals.proposalResponse } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships",
    summary: "List partnerships",
    query: partnerships.listPartnershipsQuery,
    responses: { 200: { description: "A page of partnerships", schema: partnerships.listPartnershipsResponse } },
    errors: [400, 401, 403, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}",
    pathParams: partnershipId,
    summary: "Get a partnership",
    responses: { 200: { description: "The partnership", schema: partnerships.partnershipResponse } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/contract",
    pathParams: partnershipId,
    summary: "Generate the contract (once)",
    responses: { 201: { description: "Generated", schema: contracts.contractSummary } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/contract",
    pathParams: partnershipId,
    summary: "Get the contract and its signatures",
    responses: { 200: { description: "The contract", schema: contracts.contractDetail } },
    errors: [401, 403, 404, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/contract/document",
    pathParams: partnershipId,
    summary: "The contract document (documentUrl)",
    responses: { 200: { description: "The contract", mediaType: "application/pdf" } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/contract/sign",
    pathParams: partnershipId,
    summary: "Sign the contract (each party once)",
    body: contracts.signContractBody,
    responses: { 200: { description: "Signed", schema: contracts.contractDetail } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/deliverables",
    pathParams: partnershipId,
    summary: "List deliverables",
    responses: { 200: { description: "Deliverables", schema: deliverables.deliverableList } },
    errors: [401, 403, 404, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}",
    pathParams: deliverable,
    summary: "Get a deliverable",
    responses: { 200: { description: "The deliverable", schema: deliverables.deliverableItem } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/submit",
    pathParams: deliverable,
    summary: "Submit a deliverable (creator, https URL)",
    body: deliverables.submitDeliverableBody,
    responses: { 200: { description: "Submitted", schema: deliverables.deliverableItem } },
  }),
  post({
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/approve",
    pathParams: deliverable,
    summary: "Approve a deliverable (brand)",
    body: deliverables.approveDeliverableBody,
    responses: { 200: { description: "Approved", schema: deliverables.deliverableItem } },
  }),
  post({
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/revision",
    pathParams: deliverable,
    summary: "Request a revision (brand, feedback required)",
    body: deliverables.requestRevisionBody,
    responses: { 200: { description: "Back in progress", schema: deliverables.deliverableItem } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/payments",
    pathParams: partnershipId,
    summary: "List payments",
    responses: { 200: { description: "Payments", schema: payments.listPaymentsResponse } },
    errors: [401, 403, 404, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/payments/{paymentId}",
    pathParams: payment,
    summary: "Get a payment",
    responses: { 200: { description: "The payment", schema: payments.paymentResponse } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/payments",
    pathParams: partnershipId,
    summary: "Initiate a payment (brand, contract active)",
    body: payments.initiatePaymentBody,
    responses: { 201: { description: "Payment and its PaymentIntent", schema: payments.initiatePaymentResponse } },
    errors: [...common, 502],
  }),
  post({
    path: "/api/partnerships/{partnershipId}/payments/{paymentId}/confirm",
    pathParams: payment,
    summary: "Confirm a sandbox payment (brand; 409 when Stripe is configured)",
    responses: { 200: { description: "Funded: held in escrow", schema: payments.paymentResponse } },
  }),
  post({
    path: "/api/partnerships/{partnershipId}/payments/{paymentId}/release",
    pathParams: payment,
    summary: "Release an escrow payment to the creator (brand)",
    responses: { 200: { description: "Released", schema: payments.paymentResponse } },
    errors: [...common, 502],
  }),
  {
    method: "post",
    path: "/api/webhooks/stripe",
    tags: ["Webhooks"],
    summary: "Stripe webhook (signature-verified, each event once)",
    description:
      "Verifies the Stripe-Signature header against STRIPE_WEBHOOK_SECRET on the raw body. payment_intent.succeeded holds an escrow payment in escrow, or completes a partner's card payment (POST /api/v1/partner/payments with method stripe; the PaymentIntent's metadata.partnerPaymentId names it, and a charged amount that differs from the payment fails it); payment_intent.payment_failed fails either. A replayed event id changes nothing.",
    responses: { 200: { description: "Received", schema: payments.webhookResponse } },
    errors: [400, 413, 429],
  },
];

export function partnershipsApiDocument() {
  return buildOpenApi({
    title: "Harambee Partnerships API",
    version: "1.0.0",
    description: DESCRIPTION,
    serverUrl: "http://localhost:8000",
    errorSchema,
    errorDescriptions: {
      400: "invalid_request: the failing fields are in details.fields",
      401: "authentication_required",
      403: "insufficient_permissions: not a creator or brand, or not this party's action",
      404: "resource_not_found: missing, or not a party to it",
      409: "invalid_state: not allowed in the current state",
      429: "rate_limited",
      502: "payment_provider_unavailable: Stripe refused or could not be reached; nothing was charged or transferred, and a retry never charges twice",
    },
    endpoints,
  });
}
