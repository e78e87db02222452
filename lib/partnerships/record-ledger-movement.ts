/**
 * The escrow ledger. Every movement of partnership money writes two entries that sum to
 * zero, in the transaction of the state change that moves the money:
 *
 *   charge   brand_funding   → escrow            the brand's charge landed in escrow
 *   release  escrow          → creator_payable   the brand released it to the creator
 *   payout   creator_payable → creator_paid_out  the provider transferred it to the creator
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
};

export interface RecordLedgerMovementOptions {
  movement: LedgerMovement;
  payment: { id: string; partnershipId: string; amountMinor: bigint; currency: string };
  at?: Date;
}

/** Writes one movement of a payment's whole amount; returns the movement's id. */
export async function recordLedgerMovement(tx: DbTx, options: RecordLedgerMovementOptions): Promise<string> {
  const accounts = LEDGER_MOVEMENTS[options.movement];
  if (!accounts) throw new Error(`No accounts are defined for the ${options.movement} movement`);
  const { payment } = options;
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
  await tx.ledgerEntry.createMany({ data: [entry(accounts.from, -payment.amountMinor), entry(accounts.to, payment.amountMinor)] });
  return movementId;
}
