/**
 * The standing orders' lifecycle: which status may move to which, for an order and for
 * each of its runs. Every status change goes through `moveOrder` / `moveRun`, a
 * conditional update (`UPDATE … WHERE id = ? AND status IN (allowed sources)`) inside the
 * caller's transaction, so of concurrent requests making the same move exactly one
 * applies it and the others are told what they found.
 */
import type { DbTx, Prisma } from "../db";
import { AppError, notFound } from "../errors";
import { StandingOrderRunStatus as RunStatus, StandingOrderStatus as OrderStatus } from "../generated/prisma/enums";

type Moves<S extends string> = { readonly [From in S]: readonly S[] };

/**
 * An active order may be paused, cancelled, or finish once no due date is left before
 * its end date; a paused one may be resumed (or finish, when resumed after its end),
 * or cancelled. Cancelled and finished are final.
 */
export const STANDING_ORDER_MOVES: Moves<OrderStatus> = {
  [OrderStatus.active]: [OrderStatus.paused, OrderStatus.cancelled, OrderStatus.finished],
  [OrderStatus.paused]: [OrderStatus.active, OrderStatus.cancelled, OrderStatus.finished],
  [OrderStatus.cancelled]: [],
  [OrderStatus.finished]: [],
};

/**
 * A run is pending until its first payment settles; a failed payment makes it retrying
 * (another attempt later) or failed (no attempts left); a completed one makes it paid.
 * A run with nothing left to fund, or whose order was cancelled, is skipped.
 */
export const RUN_MOVES: Moves<RunStatus> = {
  [RunStatus.pending]: [RunStatus.retrying, RunStatus.paid, RunStatus.failed, RunStatus.skipped],
  // Retrying again: another attempt failed and the next one is scheduled.
  [RunStatus.retrying]: [RunStatus.retrying, RunStatus.paid, RunStatus.failed, RunStatus.skipped],
  [RunStatus.paid]: [],
  [RunStatus.failed]: [],
  [RunStatus.skipped]: [],
};

function sourcesOf<S extends string>(moves: Moves<S>, to: S): S[] {
  return (Object.keys(moves) as S[]).filter((from) => moves[from].includes(to));
}

/**
 * Moves the partner's order to `to` if its status allows it. Another partner's order, or
 * none, is a 404; a status that does not allow the move is a 409 naming it.
 */
export async function moveOrder(
  tx: DbTx,
  options: {
    id: string;
    partnerId?: string;
    to: OrderStatus;
    data?: Omit<Prisma.StandingOrderUpdateManyMutationInput, "status">;
    /** Narrower sources than the table allows (resume moves only a paused order to finished). */
    from?: OrderStatus[];
  },
): Promise<void> {
  const from = (options.from ?? sourcesOf(STANDING_ORDER_MOVES, options.to)).filter((s) => STANDING_ORDER_MOVES[s].includes(options.to));
  const where = { id: options.id, ...(options.partnerId ? { partnerId: options.partnerId } : {}) };
  const { count } = await tx.standingOrder.updateMany({
    where: { ...where, status: { in: from } },
    data: { ...options.data, status: options.to },
  });
  if (count === 1) return;
  const found = await tx.standingOrder.findFirst({ where, select: { status: true } });
  if (!found) throw notFound("Standing order");
  throw new AppError("conflict", `Standing order is ${found.status}; it cannot become ${options.to}`, {
    entity: "standing_order",
    from: found.status,
    to: options.to,
  });
}

/** Moves those of `ids` whose status allows it; answers how many moved (a run another request settled stays as it is). */
export async function moveRuns(
  tx: DbTx,
  ids: string[],
  to: RunStatus,
  data: Omit<Prisma.StandingOrderRunUpdateManyMutationInput, "status"> = {},
): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await tx.standingOrderRun.updateMany({
    where: { id: { in: ids }, status: { in: sourcesOf(RUN_MOVES, to) } },
    data: { ...data, status: to },
  });
  return count;
}
