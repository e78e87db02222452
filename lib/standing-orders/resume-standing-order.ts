/**
 * POST /partner/standing-orders/{id}/resume: the order falls due again on its schedule,
 * from the first due date on or after today (UTC). Periods that fell due while it was
 * paused are not charged. An order resumed after its last due date finishes instead.
 */
import { notFound } from "../errors";
import { changeStandingOrder, type ChangeStandingOrderOptions } from "./change-standing-order";
import { dueOnOrAfter, utcDay } from "./schedule";
import { moveOrder } from "./transitions";

export function resumeStandingOrder(options: ChangeStandingOrderOptions) {
  return changeStandingOrder(options, async (tx, { id, partnerId, now }) => {
    // Locked so the due date is computed from the order as it is when it moves.
    await tx.$queryRaw`SELECT id FROM standing_orders WHERE id = ${id}::uuid FOR UPDATE`;
    const order = await tx.standingOrder.findFirst({ where: { id, partnerId } });
    if (!order) throw notFound("Standing order");
    const today = utcDay(now);
    // A period already run before the pause is not run again.
    const from = order.nextDueDate && order.nextDueDate > today ? order.nextDueDate : today;
    const next = dueOnOrAfter(order.startDate, order.frequency, from);
    if (order.endDate && next > order.endDate) {
      await moveOrder(tx, { id, partnerId, to: "finished", from: ["paused"], data: { pausedAt: null, nextDueDate: null } });
    } else {
      await moveOrder(tx, { id, partnerId, to: "active", data: { pausedAt: null, nextDueDate: next } });
    }
  });
}
