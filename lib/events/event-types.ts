/**
 * The events an organisation can be told about: its members get a notification, its
 * webhooks that chose the type are sent it, and GET /api/v1/events lists it. Each goes
 * to the organisation that needs to act or to know, not to the one that caused it.
 */
export const EVENT_TYPES = [
  "payment.completed",
  "payment.failed",
  "sponsorship.activated",
  "proposal.received",
  "proposal.countered",
  "contract.sent",
  "contract.signed",
  "deliverable.submitted",
  "deliverable.approved",
  "payment.released",
  "dispute.opened",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** What each type means, as the webhook form and the API description say it. */
export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  "payment.completed": "A partner payment completed (its invoice is paid and its receipt issued)",
  "payment.failed": "A partner payment failed or expired: what it was for is still unpaid",
  "sponsorship.activated": "A sponsorship became active: its payment covered it in full",
  "proposal.received": "A proposal was sent to the organisation",
  "proposal.countered": "The other party answered the organisation's proposal with a counter-proposal",
  "contract.sent": "A partnership's contract was sent for signature: the organisation signs or rejects it",
  "contract.signed": "Both parties signed a partnership's contract: it is in force",
  "deliverable.submitted": "The creator submitted a deliverable for the brand's review",
  "deliverable.approved": "The brand approved a deliverable (or its review window passed)",
  "payment.released": "Escrowed money was released to the creator",
  "dispute.opened": "The other party opened a dispute on a partnership",
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** The API key scope area each type belongs to: a key lists only the events of areas it reads. */
export const EVENT_AREAS: Record<EventType, "sponsorships" | "payments" | "partnerships"> = {
  "payment.completed": "payments",
  "payment.failed": "payments",
  "sponsorship.activated": "sponsorships",
  "proposal.received": "partnerships",
  "proposal.countered": "partnerships",
  "contract.sent": "partnerships",
  "contract.signed": "partnerships",
  "deliverable.submitted": "partnerships",
  "deliverable.approved": "partnerships",
  "payment.released": "payments",
  "dispute.opened": "partnerships",
};
