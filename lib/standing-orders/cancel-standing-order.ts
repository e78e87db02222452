/**
 * POST /partner/standing-orders/{id}/cancel: no run falls due again. Runs waiting for a
 * retry are skipped; a payment already under way is left to settle (the partner may
 * still pay it), with no retry should it fail.
 */
import { changeStandingOrder, type ChangeStandingOrderOptions } from "./change-standing-order";
import { moveOrder, moveRuns } from "./transitions";

export function cancelStandingOrder(options: ChangeStandingOrderOptions) {
  return changeStandingOrder(options, async (tx, { id, partnerId, now }) => {
    await moveOrder(tx, { id, partnerId, to: "cancelled", data: { cancelledAt: now, pausedAt: null, nextDueDate: null } });
    const waiting = await tx.standingOrderRun.findMany({
      where: { standingOrderId: id, status: { in: ["pending", "retrying"] }, payments: { none: { status: "pending" } } },
      select: { id: true },
    });
    await moveRuns(
      tx,
      waiting.map((run) => run.id),
      "skipped",
      { nextAttemptAt: null, lastError: "Standing order cancelled" },
    );
  });
}
