/** The admin's queue: partner payments waiting to be verified, oldest first. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { toMajor } from "../money";

export interface PendingPayment {
  id: string;
  partner: string;
  amount: number;
  currency: string;
  /** The partner's reporting currency: a payment in another one needs its exchange rate to be received. */
  reportingCurrency: string;
  method: "mpesa" | "bank_transfer" | "paypal" | "stripe";
  reference: string;
  bankReference: string | null;
  phoneNumber: string | null;
  description: string | null;
  program: string | null;
  sponsorships: number;
  createdAt: string;
}

const QUEUE_LIMIT = 100;

export async function listPendingPayments(options: { actor: Actor }): Promise<{ payments: PendingPayment[]; total: number }> {
  if (options.actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
  const where = { status: "pending" as const };
  const [payments, total] = await Promise.all([
    getDb().payment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
      include: {
        partner: { select: { name: true, reportingCurrency: true } },
        program: { select: { name: true } },
        _count: { select: { sponsorships: true } },
      },
    }),
    getDb().payment.count({ where }),
  ]);
  return {
    total,
    payments: payments.map((p) => ({
      id: p.id,
      partner: p.partner.name,
      amount: toMajor(p.amountMinor),
      currency: p.currency,
      reportingCurrency: p.partner.reportingCurrency.trim(),
      method: p.method,
      reference: p.reference,
      bankReference: p.bankReference,
      phoneNumber: p.phoneNumber,
      description: p.description,
      program: p.program?.name ?? null,
      sponsorships: p._count.sponsorships,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}
