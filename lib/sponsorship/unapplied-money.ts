/**
 * M-Pesa money received that paid for nothing: a success reported after its payment had
 * failed or expired, a success for another amount or from another phone, a Paybill payment
 * naming no pending payment. The money is in the till but no payment counts it, so it is kept
 * on the provider's report (webhook_events), listed for an admin with its total, and settled
 * by hand (refunded, or applied another way) with a note saying what was done. Nothing here
 * moves money: it makes sure none goes unexplained.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { toMajor } from "../money";
import { resolveUnappliedMoneyBody } from "./schemas/unapplied-money";

/** Marks a provider report just recorded in this transaction as money to settle by hand. */
export async function recordUnappliedMoney(
  tx: DbTx,
  options: {
    eventId: string;
    reason: string;
    amountMinor: bigint;
    currency: string;
    paymentId?: string | null;
    providerReceipt?: string | null;
  },
): Promise<void> {
  await tx.webhookEvent.update({
    where: { id: options.eventId },
    data: {
      unappliedReason: options.reason,
      unappliedAmountMinor: options.amountMinor,
      unappliedCurrency: options.currency,
      paymentId: options.paymentId ?? null,
      providerReceipt: options.providerReceipt ?? null,
    },
  });
  console.warn(`M-Pesa money to settle by hand (${options.eventId}): ${options.reason}`);
}

export interface UnappliedMoneyItem {
  id: string;
  receivedAt: string;
  amount: number;
  currency: string;
  reason: string;
  providerReceipt: string | null;
  payment: { id: string; reference: string; partner: string } | null;
}

export interface UnappliedMoneyList {
  items: UnappliedMoneyItem[];
  /** Sum of the amounts waiting, per currency, over every unsettled report (not only the listed ones). */
  totals: Array<{ currency: string; amount: number; count: number }>;
}

const LIST_LIMIT = 100;

function requireAdmin(actor: Actor) {
  if (actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
}

export async function listUnappliedMoney(options: { actor: Actor }): Promise<UnappliedMoneyList> {
  requireAdmin(options.actor);
  const where = { unappliedReason: { not: null }, resolvedAt: null };
  const [rows, totals] = await Promise.all([
    getDb().webhookEvent.findMany({
      where,
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      include: { payment: { select: { id: true, reference: true, partner: { select: { name: true } } } } },
    }),
    getDb().webhookEvent.groupBy({
      by: ["unappliedCurrency"],
      where,
      _sum: { unappliedAmountMinor: true },
      _count: { _all: true },
      orderBy: { unappliedCurrency: "asc" },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      receivedAt: row.receivedAt.toISOString(),
      amount: toMajor(row.unappliedAmountMinor ?? 0n),
      currency: row.unappliedCurrency ?? "KES",
      reason: row.unappliedReason!,
      providerReceipt: row.providerReceipt,
      payment: row.payment ? { id: row.payment.id, reference: row.payment.reference, partner: row.payment.partner.name } : null,
    })),
    totals: totals.map((row) => ({
      currency: row.unappliedCurrency ?? "KES",
      amount: toMajor(row._sum.unappliedAmountMinor ?? 0n),
      count: row._count._all,
    })),
  };
}

/** Records what was done with the money; once only (a second attempt is a 409). */
export async function resolveUnappliedMoney(options: { actor: Actor; eventId: string; note: string; now?: Date }): Promise<void> {
  requireAdmin(options.actor);
  const parsed = resolveUnappliedMoneyBody.safeParse({ note: options.note });
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    throw new AppError("validation_failed", message, { fields: [{ path: "note", message, type: "length" }] });
  }
  const { note } = parsed.data;
  const { count } = await getDb().webhookEvent.updateMany({
    where: { id: options.eventId, unappliedReason: { not: null }, resolvedAt: null },
    data: { resolvedAt: options.now ?? new Date(), resolvedById: options.actor.id, resolutionNote: note },
  });
  if (count === 1) return;
  const event = await getDb().webhookEvent.findUnique({ where: { id: options.eventId }, select: { unappliedReason: true } });
  if (!event?.unappliedReason) throw notFound("Unapplied money");
  throw new AppError("invalid_state", "This money has already been settled");
}
