/**
 * The escrow ledger. Every movement of partnership money writes two entries that sum to
 * zero, in the transaction of the state change that moves the money:
 *
 *   charge   brand_funding   → escrow            the brand's charge landed in escrow
 *   release  escrow          → creator_payable   the brand released it to the creator
 *   payout   creator_payable → creator_paid_out  the provider paid it out to the creator
 *   refund   escrow          → refunds           it went back to the brand (termination, dispute)
 *
 * The database refuses a second entry of the same movement for a payment, an unbalanced
 * movement (one statement writes a movement whole) and any change to an entry (migration 20261202100000_escrow_ledger), and
 * check-ledger.ts holds the entries against the payments' states.
 */
import crypto from "node:crypto";
import type { DbTx } from "../db";
import type { LedgerAccount, LedgerMovement } from "../generated/prisma/enums";

/** Where each movement takes money from and where it puts it. */
export const LEDGER_MOVEMENTS: Partial<Record<LedgerMovement, { from: LedgerAccount; to: LedgerAccount }>> = {
  charge: { from: "brand_funding", to: "escrow" },
  release: { from: "escrow", to: "creator_payable" },
  payout: { from: "creator_payable", to: "creator_paid_out" },
  refund: { from: "escrow", to: "refunds" },
};

export interface RecordLedgerMovementOptions {
  movement: LedgerMovement;
  payment: { id: string; partnershipId: string; amountMinor: bigint; currency: string };
  /** Part of the payment (a split dispute's release or refund); the whole amount if omitted. */
  amountMinor?: bigint;
  at?: Date;
}

/** Writes one movement of a payment's money; returns the movement's id. */
export async function recordLedgerMovement(tx: DbTx, options: RecordLedgerMovementOptions): Promise<string> {
  const accounts = LEDGER_MOVEMENTS[options.movement];
  if (!accounts) throw new Error(`No accounts are defined for the ${options.movement} movement`);
  const { payment } = options;
  const amountMinor = options.amountMinor ?? payment.amountMinor;
  if (amountMinor <= 0n || amountMinor > payment.amountMinor)
    throw new Error(`A ${options.movement} of ${amountMinor} is outside the payment`);
  const movementId = crypto.randomUUID();
  const entry = (account: LedgerAccount, amountMinor: bigint) => ({
    movementId,
    movement: options.movement,
    partnershipId: payment.partnershipId,
    paymentId: payment.id,
    account,
    amountMinor,
    currency: payment.currency,
    createdAt: options.at ?? new Date(),
  });
  await tx.ledgerEntry.createMany({ data: [entry(accounts.from, -amountMinor), entry(accounts.to, amountMinor)] });
  return movementId;
}
