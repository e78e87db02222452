/** The partnerships API's OpenAPI document, generated from its zod schemas. */
import { z } from "zod";
import * as contracts from "../partnerships/schemas/contracts";
import * as deliverables from "../partnerships/schemas/deliverables";
import * as disputes from "../partnerships/schemas/disputes";
import * as partnerships from "../partnerships/schemas/partnerships";
import * as payments from "../partnerships/schemas/payments";
import * as proposals from "../partnerships/schemas/proposals";
import * as termination from "../partnerships/schemas/termination";
import { b2cResultBody } from "../daraja/b2c";
import * as payoutMethod from "../payouts/schemas/payout-method";
import { buildOpenApi, type EndpointDoc } from "./build";

const mpesaAccepted = z.object({ ResultCode: z.literal(0), ResultDesc: z.string() });

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
- Proposals: draft → sent → accepted | countered | rejected. Only the sender edits or sends a draft; only the recipient accepts, counters or rejects a sent proposal. A counter is a new proposal from the counter-party, linked to the one it answers (which becomes countered). Acceptance creates the partnership, its deliverables and one payment for each item of its payment plan (see Payment schedules), all at once.
- Contracts: generated once per partnership as a draft PDF (documentUrl, parties only), sent for signature (draft → sent, the document and its SHA-256 fixed from then), then signed_creator | signed_brand → active when both have signed with their typed full name and consent. Activation issues the signed PDF (signature blocks with name, time, address and user agent, and an audit certificate page); its SHA-256 is recorded, and anyone can check a copy at POST /api/partnerships/contracts/verify. Either party may reject a sent contract with a reason instead: the contract and the partnership are terminated. Each party decides once. Deliverables can be submitted and payments initiated only once the contract is active; partnerships carry contractStatus.
- Deliverables: pending | in_progress → submitted (creator, https URL) → approved (brand), or back to in_progress when the brand asks for a revision with feedback.
- Payments: the brand initiates once the contract is active; the charge is a Stripe PaymentIntent (clientSecret for Stripe Elements). The payment is pending until Stripe reports success, then held in escrow (in_progress); the brand releases it to the creator once the deliverables it covers are approved (completed, a Stripe transfer). A failed charge makes it failed. Without Stripe keys a sandbox provider stands in: the response says paymentIntent.sandbox = true and POST …/confirm plays Stripe's success webhook.
- Payments that hold no money (pending, even with a charge started but not funded, or failed) can be cancelled by the brand: POST …/payments/{paymentId}/cancel (409 for in_progress, completed, cancelled or refunded ones, so a second cancel is 409 too).
- A partnership completes when every deliverable is approved and every payment released (cancelled and refunded payments do not count).

## Payment schedules
\`compensation.paymentSchedule\` stays free text, but it must be one the platform can read; it is read into \`compensation.paymentPlan\` when the proposal is created, edited or countered (the amount and deliverables count as they are after the change), and a schedule it cannot read is 400 \`invalid_request\` with \`details.fields\` [{path: "body.compensation.paymentSchedule", type: "value_error.payment_schedule", message}] and nothing stored.
- Items are separated by ",", ";", "and", "then" or "and then". Each is an amount and a trigger: "30% upfront, 70% on completion", "50% on signing, 50% on completion", "USD 20 on signing, rest on completion", "25% on signing; 25% on approval of deliverable 1; 50% on completion", "40% on approval of deliverables 1 and 2, 60% on completion".
- Amounts: a percentage (at most two decimals), an amount in major units of the proposal's currency ("20", "USD 20", "KES 1,500"), or "rest" / "remainder" / "balance" (what the other items leave; at most one). An item without an amount takes the rest.
- Triggers: on_signing (type initial: "upfront", "in advance", "on signing", "on contract signature"), due at the partnership's start; on_approval (type milestone: "on approval of deliverable N" or "of deliverables N and M", 1-based positions of the proposal's deliverables, each must exist), due at the latest due date of those deliverables and released once they are approved; on_completion (type final: "on completion", "on delivery", "final"), due at the end date and released once every deliverable is approved. At most one item on signing and one on completion.
- No schedule (or an empty one), and "on completion" alone, is one final payment of the whole amount.
- Refused: anything else (such as "net 30"), percentages that do not add up to 100% or amounts that do not add up to the compensation (without a rest item), a rest with nothing left, zero, negative or sub-cent items, more than two decimals, amounts in another currency, deliverable numbers out of range.
- Rounding: percentages are computed in minor units and rounded down; the rest item, or else the last percentage item, takes what rounding left, so the items always sum exactly to the compensation.
- paymentPlan items: {position, type, trigger, percent (null unless given as a percentage), amount, deliverables (1-based positions), description}. It is null only for a proposal or partnership stored before schedules were read, whose schedule cannot be read; such a proposal cannot be accepted (409) and is countered instead.

## Milestones
A new milestone (POST …/payments with type "milestone" and no paymentId) names deliverableIds (at least one; deliverables of this partnership that are not rejected; an approved one makes the milestone releasable as soon as it is funded), and all the partnership's payments that are not cancelled or refunded, with the new one, may not come to more than the compensation (400 \`invalid_request\` on body.amount, type value_error.amount_exceeds_compensation, saying how much is left, also in details.remainingAmount). The plan's payments always sum to the compensation, so room for a milestone appears only by cancelling an unfunded payment. The plan's own payments are paid for exactly their amounts: by paymentId (any type, including the plan's milestones), or the initial or final payment by its type.
- Termination: either party ends an active partnership with a reason (POST …/terminate; again on a terminated one answers it unchanged, on a completed one 409). Payments not yet funded (pending, failed) are cancelled; funded payments whose covered deliverables are all approved are released to the creator; other funded payments are refunded to the brand (refunded); deliverables not approved are rejected; the contract is terminated. Refused (409) while a dispute is open: resolve it first. A charge that lands for a cancelled payment is refunded at once.
- Disputes: either party disputes one deliverable or one payment of an active partnership (one open dispute per subject). While open, the disputed payment (or any payment covering the disputed deliverable) cannot be released, the brand cannot approve or ask for a revision of the disputed deliverable, and its review deadline stops (moved on by the paused time when resolved). A platform admin resolves it: release (to the creator; a disputed deliverable is approved), refund (to the brand; a disputed deliverable is rejected) or split (creatorAmount to the creator, the rest refunded, across the funded payments in plan order; the deliverable is approved). A payment split this way is completed with part of it refunded.

## Conventions
Amounts are decimal numbers of the currency. A user who is not a party gets 404 for a proposal or partnership and everything under it; a party doing what only the other side may do gets 403; an action in the wrong state gets 409 invalid_state; invalid input gets 400 invalid_request naming the fields. Lists take page (up to 10,000) and limit (max 100) and answer a pagination object; list filters with fixed choices (status, role) match without regard to case. Amounts are at most 10,000,000,000; dates lie between 1900-01-01 and 2100-12-31. Every POST honours an Idempotency-Key header. Concurrent conflicting requests are decided by the database: exactly one succeeds.

## Deliberate deviations from the written spec
- **404, not 403, for a stranger**: someone who is not a party to a proposal or partnership is told it does not exist, so that ids cannot be probed; 403 is for a party doing what only the other side may do.
- **A draft is the sender's alone**: until it is sent, its recipient gets 404 and does not see it listed.
- **A signature is a typed name with consent**: POST …/contract/sign requires \`fullName\` and \`consent: true\` (400 without them); the spec's signature image stays optional. A generated contract is a draft until either party sends it (POST …/contract/send).
- **Extra fields** where a client needs them: \`counterOfId\`, \`rejectionReason\`, \`sentAt\`, \`respondedAt\` and a history \`note\` on proposals; \`senderId\`, \`recipientId\` and \`campaignId\` in the proposal list; \`paymentIntent.sandbox\`; on contracts \`reviewWindowDays\`, \`documentSha256\` (as sent), \`signedDocumentSha256\`, \`sentDocumentUrl\`, \`signedDocumentUrl\`, \`consentText\`, \`sentAt\`, \`activatedAt\`, \`terminatedAt\` and each signatory's \`decision\`, \`fullName\`, \`reason\` and \`userAgent\`; \`contractStatus\` on partnerships.
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
    summary: "Generate the contract (once, as a draft)",
    description:
      "Either party of an active partnership. Renders the contract PDF from the accepted terms; that document (documentSha256) is the one sent for signature and signed. The body is optional: reviewWindowDays (1-60, default 5) is the days the brand has to review each submitted deliverable.",
    body: contracts.generateContractBody,
    responses: { 201: { description: "Generated (status draft)", schema: contracts.contractSummary } },
  }),
  post({
    path: "/api/partnerships/{partnershipId}/contract/send",
    pathParams: partnershipId,
    summary: "Send the draft contract for signature (either party)",
    description: "draft → sent. From here the document and documentSha256 are fixed. 409 unless the contract is a draft.",
    responses: { 200: { description: "Sent", schema: contracts.contractDetail } },
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
    description:
      "The signed document (both signatures and an audit certificate) once the contract is active, the document as sent before. version=sent or version=signed asks for one of them (404 for signed before activation). The X-Document-SHA256 header carries the document's SHA-256.",
    query: contracts.contractDocumentQuery,
    responses: { 200: { description: "The contract", mediaType: "application/pdf" } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/contract/sign",
    pathParams: partnershipId,
    summary: "Sign the contract (each party once)",
    description: `Allowed while the contract is sent, or signed by the other party only (409 otherwise, and for a party that signed or rejected). The typed fullName (2-200 characters) with consent: true is the electronic signature; the consent statement accepted is "${contracts.CONSENT_TEXT}". Recorded with the signer's address, user agent and the UTC time. The second signature makes the contract active and issues the signed document, whose SHA-256 is signedDocumentSha256.`,
    body: contracts.signContractBody,
    responses: { 200: { description: "Signed", schema: contracts.contractDetail } },
  }),
  post({
    path: "/api/partnerships/{partnershipId}/contract/reject",
    pathParams: partnershipId,
    summary: "Reject the contract (either party, with a reason)",
    description:
      "Allowed while the contract is sent, or signed by the other party only; a party that signed cannot reject (409). Records the decision rejected with the reason, terminates the contract and ends the partnership as termination does.",
    body: contracts.rejectContractBody,
    responses: { 200: { description: "Rejected: the contract is terminated", schema: contracts.contractDetail } },
  }),
  {
    method: "post",
    path: "/api/partnerships/contracts/verify",
    tags: ["Contracts"],
    summary: "Check a contract document (public)",
    description:
      "No authentication; counted per client address. Send the PDF (multipart/form-data with the field `file`, or the raw body as application/pdf, at most 1 MiB) or its SHA-256 as JSON with the field sha256 (64 hexadecimal characters; the schema below). Answers issued: true with matches sent (the document as sent for signature) or signed (the signed document with its audit certificate), the status of the contract and its signatories; issued: false for a document the platform did not issue, including any altered copy and a draft never sent. 400 for a malformed digest or a missing file, 415 for other media types.",
    body: contracts.verifyContractBody,
    responses: { 200: { description: "The verification result", schema: contracts.verifyContractResponse } },
    errors: [400, 413, 415, 429],
  },
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
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/versions",
    pathParams: deliverable,
    summary: "List a deliverable's versions",
    description:
      "Every submission of the deliverable, oldest first: its link, notes and files (their kind read from their bytes at upload; downloadUrl serves them to the two parties only), and the brand's answer (approved or changes_requested, with feedback). A version is never changed after its answer.",
    responses: { 200: { description: "The versions", schema: deliverables.deliverableVersionList } },
    errors: [401, 403, 404, 429],
  },
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/comments",
    pathParams: deliverable,
    summary: "List a deliverable's comments",
    description:
      "Every comment either party wrote on the deliverable, oldest first, each with the version that was current when it was written.",
    responses: { 200: { description: "The comments", schema: deliverables.deliverableCommentList } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/deliverables/{deliverableId}/comments",
    pathParams: deliverable,
    summary: "Comment on a deliverable (either party)",
    description: "Adds a comment (1 to 5000 characters) on the deliverable's current version. Viewers may not comment (403).",
    body: deliverables.deliverableCommentBody,
    responses: { 201: { description: "The comment", schema: deliverables.deliverableComment } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/files/{fileId}",
    pathParams: { ...partnershipId, fileId: "File identifier (UUID), from a version's files" },
    summary: "Download a file of a deliverable version",
    description:
      "The file's bytes with the type read from them at upload; images inline, other files as attachments, never run as a page. 404 for anyone who is not a party to the partnership.",
    responses: {
      200: {
        description: "The file",
        mediaType: ["image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/quicktime", "application/pdf"],
      },
    },
    errors: [401, 403, 404, 429],
  },
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
    description:
      "Pays a payment of the plan (paymentId, or the initial or final payment by type) for exactly its amount, or creates a new milestone, which must name deliverableIds and fit in what is left of the compensation (see Milestones). 409 for a planned payment already initiated, paid or cancelled.",
    body: payments.initiatePaymentBody,
    responses: { 201: { description: "Payment and its PaymentIntent", schema: payments.initiatePaymentResponse } },
    errors: [...common, 502],
  }),
  post({
    path: "/api/partnerships/{partnershipId}/payments/{paymentId}/cancel",
    pathParams: payment,
    summary: "Cancel a payment that holds no money (brand)",
    description:
      "pending (including one whose charge was started but not funded) or failed → cancelled, with cancelledAt and a payment_cancelled activity entry; the optional reason goes into that entry. 409 invalid_state for in_progress, completed, cancelled (a second cancel) or refunded payments. The partnership completes if nothing else is open; the cancelled amount is free again for a milestone.",
    body: payments.cancelPaymentBody,
    responses: { 200: { description: "Cancelled", schema: payments.paymentResponse } },
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
  post({
    path: "/api/partnerships/{partnershipId}/terminate",
    pathParams: partnershipId,
    summary: "End the partnership (either party, with a reason)",
    description:
      "Cancels unfunded payments, releases funded payments whose deliverables are all approved, refunds the other funded payments, rejects unapproved deliverables and terminates the contract, in one transaction. Terminating a terminated partnership answers it unchanged; a completed one, or one with an open dispute, is 409.",
    body: termination.terminatePartnershipBody,
    responses: { 200: { description: "Terminated", schema: partnerships.partnershipResponse } },
    errors: [...common, 502],
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/disputes",
    pathParams: partnershipId,
    summary: "List the partnership's disputes (parties and admins)",
    responses: { 200: { description: "Disputes, newest first", schema: disputes.listDisputesResponse } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/disputes",
    pathParams: partnershipId,
    summary: "Open a dispute on a deliverable or a payment (either party)",
    description:
      "Give exactly one of deliverableId and paymentId. 404 when it is not this partnership's; 409 when the partnership is not active, a dispute is already open on it, the payment is completed, cancelled or refunded, or the deliverable is rejected, or approved with no covering payment in escrow.",
    body: disputes.openDisputeBody,
    responses: { 201: { description: "Opened", schema: disputes.disputeResponse } },
  }),
  {
    ...party,
    method: "get",
    path: "/api/partnerships/{partnershipId}/disputes/{disputeId}",
    pathParams: { ...partnershipId, disputeId: "Dispute identifier (UUID)" },
    summary: "Get a dispute (parties and admins)",
    responses: { 200: { description: "The dispute", schema: disputes.disputeResponse } },
    errors: [401, 403, 404, 429],
  },
  post({
    path: "/api/partnerships/{partnershipId}/disputes/{disputeId}/resolve",
    pathParams: { ...partnershipId, disputeId: "Dispute identifier (UUID)" },
    summary: "Resolve a dispute (platform admins only)",
    description:
      "release, refund or split (creatorAmount required: more than 0 and less than the disputed amount in escrow; 409 when nothing is in escrow). The parties get 403; a resolved dispute 409.",
    body: disputes.resolveDisputeBody,
    responses: { 200: { description: "Resolved", schema: disputes.disputeResponse } },
    errors: [...common, 502],
  }),
  {
    method: "get",
    path: "/api/partnerships/payout-method",
    tags: ["Payouts"],
    summary: "How the signed-in creator is paid",
    description: "Creators only (brands get 403). method is null until the creator chooses one.",
    responses: { 200: { description: "The payout method", schema: payoutMethod.payoutMethodResponse } },
    errors: [401, 403, 404, 429],
  },
  {
    method: "put",
    path: "/api/partnerships/payout-method",
    tags: ["Payouts"],
    summary: "Choose how the signed-in creator is paid",
    description:
      "stripe: a connected account (stripeAccountId acct_…) in a country Stripe Connect pays out to from this platform (US, GB, EEA, CA, CH); any other country, Kenya included, is 400 on body.country. mpesa: country KE and a Safaricom number (07…, 7…, 2547… or +2547…), stored as +2547XXXXXXXX; M-Pesa pays KES only, so a payout in another currency fails with that reason until the creator chooses Stripe. Released money is paid out by a background job after release (payout status pending → paid, or failed and retried with backoff); money released while the creator had no method waits in creator payable, and choosing a method creates and sends its payouts, as it moves unpaid payouts not in flight to the new method.",
    body: payoutMethod.payoutMethodBody,
    responses: { 200: { description: "Saved", schema: payoutMethod.payoutMethodResponse } },
    errors: [...common],
  },
  {
    method: "post",
    path: "/api/payouts/mpesa/result/{token}",
    tags: ["Webhooks"],
    summary: "Safaricom's M-Pesa B2C result callback (creator payouts)",
    description:
      "Registered as the B2C ResultURL. Unsigned, so the path carries DARAJA_CALLBACK_TOKEN (compared in constant time; a wrong token, or none configured, is 404 and changes nothing). The body is validated and stored for the result job, and answered at once with {ResultCode: 0}. The job applies it once, matched by OriginatorConversationID (the payout's attempt) or ConversationID: ResultCode 0 pays the payout (receipt = TransactionReceipt), another code fails the attempt and schedules a retry.",
    body: b2cResultBody,
    responses: { 200: { description: "Accepted", schema: mpesaAccepted } },
    errors: [400, 404, 413, 429],
  },
  {
    method: "post",
    path: "/api/payouts/mpesa/timeout/{token}",
    tags: ["Webhooks"],
    summary: "Safaricom's M-Pesa B2C queue timeout callback (creator payouts)",
    description:
      "Registered as the B2C QueueTimeOutURL; same token and body checks as the result callback. A timeout is not a failure: the payout's transaction status is queried before anything is sent again.",
    body: b2cResultBody,
    responses: { 200: { description: "Accepted", schema: mpesaAccepted } },
    errors: [400, 404, 413, 429],
  },
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
