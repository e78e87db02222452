/** A standing order as the partner API answers it. */
import type { z } from "zod";
import type { Prisma } from "../db";
import type { StandingOrderRunStatus } from "../generated/prisma/enums";
import { toMajor } from "../money";
import { dayText, periodLabel } from "./schedule";
import type { standingOrderDetailResponse, standingOrderItem } from "./schemas";

type Item = z.infer<typeof standingOrderItem>;
type Detail = z.infer<typeof standingOrderDetailResponse>;

export const itemInclude = {
  sponsorships: { select: { sponsorshipId: true }, orderBy: { sponsorshipId: "asc" } },
  runs: { orderBy: { dueDate: "desc" }, take: 1, select: { dueDate: true, status: true, lastError: true } },
} as const satisfies Prisma.StandingOrderInclude;

export const detailInclude = {
  sponsorships: { select: { sponsorshipId: true }, orderBy: { sponsorshipId: "asc" } },
  runs: {
    orderBy: { dueDate: "desc" },
    include: {
      payments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, reference: true, failureReason: true, createdAt: true, completedAt: true },
      },
    },
  },
} as const satisfies Prisma.StandingOrderInclude;

type ItemRow = Prisma.StandingOrderGetPayload<{ include: typeof itemInclude }>;
type DetailRow = Prisma.StandingOrderGetPayload<{ include: typeof detailInclude }>;

function base(order: ItemRow | DetailRow): Omit<Item, "last_run"> {
  return {
    id: order.id,
    description: order.description,
    // Orders are only ever created for M-Pesa or bank transfer (createStandingOrderBody).
    method: order.method as Item["method"],
    phone_number: order.phoneNumber,
    program_id: order.programId,
    sponsorship_ids: order.sponsorships.map((link) => link.sponsorshipId),
    amount: toMajor(order.amountMinor),
    currency: order.currency,
    frequency: order.frequency,
    start_date: dayText(order.startDate),
    end_date: order.endDate ? dayText(order.endDate) : null,
    next_due_date: order.nextDueDate ? dayText(order.nextDueDate) : null,
    status: order.status,
    paused_at: order.pausedAt?.toISOString() ?? null,
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    created_at: order.createdAt.toISOString(),
  };
}

function lastRunOf(run: { dueDate: Date; status: StandingOrderRunStatus; lastError: string | null } | undefined): Item["last_run"] {
  return run ? { due_date: dayText(run.dueDate), status: run.status, last_error: run.lastError } : null;
}

export function toStandingOrderItem(order: ItemRow): Item {
  return { ...base(order), last_run: lastRunOf(order.runs[0]) };
}

export function toStandingOrderDetail(order: DetailRow): Detail {
  return {
    ...base(order),
    last_run: lastRunOf(order.runs[0]),
    runs: order.runs.map((run) => ({
      id: run.id,
      due_date: dayText(run.dueDate),
      period: periodLabel(order.startDate, order.frequency, run.dueDate),
      status: run.status,
      attempts: run.attempts,
      next_attempt_at: run.nextAttemptAt?.toISOString() ?? null,
      last_error: run.lastError,
      invoice_id: run.invoiceId,
      payments: run.payments.map((payment) => ({
        id: payment.id,
        status: payment.status,
        reference: payment.reference,
        failure_reason: payment.failureReason,
        created_at: payment.createdAt.toISOString(),
        completed_at: payment.completedAt?.toISOString() ?? null,
      })),
    })),
  };
}
