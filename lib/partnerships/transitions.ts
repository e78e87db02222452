/**
 * The partnerships lifecycle: for each entity, which status may move to which. Every
 * state change goes through `transition`, which applies it as a conditional update
 * inside the caller's transaction (`UPDATE … WHERE id = ? AND status IN (allowed
 * sources)`), so concurrent requests cannot both apply the same move: the database
 * decides, and the loser gets 409 `invalid_state` with nothing changed.
 */
import type { DbTx } from "../db";
import { AppError } from "../errors";

export const PROPOSAL_MOVES = {
  draft: ["sent"],
  sent: ["accepted", "countered", "rejected"],
  accepted: [],
  countered: [],
  rejected: [],
} as const;

export const CONTRACT_MOVES = {
  draft: ["sent", "terminated"],
  sent: ["signed_creator", "signed_brand", "terminated"],
  signed_creator: ["active", "terminated"],
  signed_brand: ["active", "terminated"],
  active: ["terminated"],
  terminated: [],
} as const;

export const DELIVERABLE_MOVES = {
  // Approved straight from pending or in_progress only by a dispute's resolution (resolve-dispute.ts);
  // the brand's review approves from submitted alone (approve-deliverable.ts names its source).
  pending: ["submitted", "approved", "rejected"],
  in_progress: ["submitted", "approved", "rejected"],
  submitted: ["approved", "in_progress", "rejected"],
  approved: [],
  rejected: [],
} as const;

export const PAYMENT_MOVES = {
  pending: ["in_progress", "failed", "cancelled"],
  // A split dispute completes a payment with part of it refunded (refunded_minor).
  in_progress: ["completed", "refunded"],
  completed: [],
  failed: ["pending", "cancelled"],
  // A charge that lands after its payment was cancelled goes straight back to the brand.
  cancelled: ["refunded"],
  refunded: [],
} as const;

export const PARTNERSHIP_MOVES = {
  active: ["completed", "terminated"],
  completed: [],
  terminated: [],
} as const;

type Moves = Record<string, readonly string[]>;

const TABLES = {
  proposal: { table: "proposals", moves: PROPOSAL_MOVES },
  contract: { table: "contracts", moves: CONTRACT_MOVES },
  deliverable: { table: "deliverables", moves: DELIVERABLE_MOVES },
  payment: { table: "partnership_payments", moves: PAYMENT_MOVES },
  partnership: { table: "partnerships", moves: PARTNERSHIP_MOVES },
} as const;

export type Entity = keyof typeof TABLES;

type StatusOf<E extends Entity> = keyof (typeof TABLES)[E]["moves"] & string;

/** The statuses from which `to` may be reached. */
export function sourcesOf<E extends Entity>(entity: E, to: StatusOf<E>): StatusOf<E>[] {
  const moves = TABLES[entity].moves as Moves;
  return Object.keys(moves).filter((from) => moves[from].includes(to)) as StatusOf<E>[];
}

export function canMove<E extends Entity>(entity: E, from: StatusOf<E>, to: StatusOf<E>): boolean {
  return ((TABLES[entity].moves as Moves)[from] ?? []).includes(to);
}

/**
 * Moves one record to `to` if its current status allows it (optionally only from
 * `from`, a subset of the allowed sources). Throws 409 `invalid_state` otherwise,
 * naming the status it found.
 */
export async function transition<E extends Entity>(
  tx: DbTx,
  entity: E,
  id: string,
  to: StatusOf<E>,
  options: { from?: StatusOf<E>[]; message?: string } = {},
): Promise<void> {
  const { table } = TABLES[entity];
  const allowed = (options.from ?? sourcesOf(entity, to)).filter((from) => canMove(entity, from, to));
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "${table}" SET status = $1::text::"${enumName(entity)}", updated_at = now() WHERE id = $2::uuid AND status::text = ANY ($3::text[])`,
    to,
    id,
    allowed,
  );
  if (updated === 1) return;
  const [row] = await tx.$queryRawUnsafe<Array<{ status: string }>>(
    `SELECT status::text AS status FROM "${table}" WHERE id = $1::uuid`,
    id,
  );
  throw new AppError("invalid_state", options.message ?? `Cannot move ${entity} from ${row?.status ?? "unknown"} to ${to}`, {
    entity,
    from: row?.status ?? null,
    to,
  });
}

function enumName(entity: Entity): string {
  return {
    proposal: "ProposalStatus",
    contract: "ContractStatus",
    deliverable: "DeliverableStatus",
    payment: "EscrowPaymentStatus",
    partnership: "PartnershipStatus",
  }[entity];
}
