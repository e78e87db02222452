/**
 * POST /partner/standing-orders/{id}/pause: no run falls due while the order is paused,
 * and retries of a run already under way wait too. Pausing an order that is not active
 * is a 409.
 */
import { changeStandingOrder, type ChangeStandingOrderOptions } from "./change-standing-order";
import { moveOrder } from "./transitions";

export function pauseStandingOrder(options: ChangeStandingOrderOptions) {
  return changeStandingOrder(options, (tx, { id, partnerId, now }) =>
    moveOrder(tx, { id, partnerId, to: "paused", data: { pausedAt: now } }),
  );
}
