/**
 * The partner side's lifecycle: for payments, sponsorships, programs and invoices, which
 * status may move to which. Every status change goes through this module, which applies
 * it as a conditional update inside the caller's transaction (`UPDATE … WHERE id = ? AND
 * status IN (allowed sources)`): of concurrent requests making the same move, the
 * database lets exactly one apply it. A move the table does not list is refused.
 */
import type { DbTx, Prisma } from "../db";
import { AppError, notFound } from "../errors";
import { InvoiceStatus, PaymentStatus, ProgramStatus, SponsorshipStatus } from "../generated/prisma/enums";

type Moves<S extends string> = { readonly [From in S]: readonly S[] };

/** A payment settles once: an admin's verification or the provider's report completes or fails it. */
export const PAYMENT_MOVES: Moves<PaymentStatus> = {
  [PaymentStatus.pending]: [PaymentStatus.completed, PaymentStatus.failed],
  [PaymentStatus.completed]: [],
  [PaymentStatus.failed]: [],
  [PaymentStatus.refunded]: [],
};

/** A sponsorship becomes active once a completed payment has fully funded it. */
export const SPONSORSHIP_MOVES: Moves<SponsorshipStatus> = {
  [SponsorshipStatus.pending]: [SponsorshipStatus.active],
  [SponsorshipStatus.active]: [],
  [SponsorshipStatus.completed]: [],
  [SponsorshipStatus.cancelled]: [],
};

/** A program leaves planning with its first completed payment. */
export const PROGRAM_MOVES: Moves<ProgramStatus> = {
  [ProgramStatus.planning]: [ProgramStatus.active],
  [ProgramStatus.active]: [],
  [ProgramStatus.completed]: [],
  [ProgramStatus.paused]: [],
};

/** An invoice is paid when its payment completes, whatever it showed before, or void when its payment fails or expires. */
export const INVOICE_MOVES: Moves<InvoiceStatus> = {
  [InvoiceStatus.draft]: [InvoiceStatus.paid, InvoiceStatus.void],
  [InvoiceStatus.sent]: [InvoiceStatus.paid, InvoiceStatus.void],
  [InvoiceStatus.overdue]: [InvoiceStatus.paid, InvoiceStatus.void],
  [InvoiceStatus.paid]: [],
  [InvoiceStatus.void]: [],
};

/** Each entity's status type and what else a move may write in the same update. */
interface Entities {
  payment: { status: PaymentStatus; data: Omit<Prisma.PaymentUpdateManyMutationInput, "status"> };
  sponsorship: { status: SponsorshipStatus; data: Omit<Prisma.SponsorshipUpdateManyMutationInput, "status"> };
  program: { status: ProgramStatus; data: Omit<Prisma.ProgramUpdateManyMutationInput, "status"> };
  invoice: { status: InvoiceStatus; data: Omit<Prisma.InvoiceUpdateManyMutationInput, "status"> };
}

export type Entity = keyof Entities;
export type StatusOf<E extends Entity> = Entities[E]["status"];
type DataOf<E extends Entity> = Entities[E]["data"];

interface EntityTable<E extends Entity> {
  label: string;
  moves: Moves<StatusOf<E>>;
  /** Moves those of `ids` whose status is one of `from`; answers the ids it moved. */
  move(tx: DbTx, ids: string[], from: StatusOf<E>[], to: StatusOf<E>, data: DataOf<E>): Promise<string[]>;
  statusOf(tx: DbTx, id: string): Promise<StatusOf<E> | null>;
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

const TABLES: { [E in Entity]: EntityTable<E> } = {
  payment: {
    label: "Payment",
    moves: PAYMENT_MOVES,
    move: async (tx, recordIds, from, to, data) =>
      ids(
        await tx.payment.updateManyAndReturn({
          where: { id: { in: recordIds }, status: { in: from } },
          data: { ...data, status: to },
          select: { id: true },
        }),
      ),
    statusOf: async (tx, id) => (await tx.payment.findUnique({ where: { id }, select: { status: true } }))?.status ?? null,
  },
  sponsorship: {
    label: "Sponsorship",
    moves: SPONSORSHIP_MOVES,
    move: async (tx, recordIds, from, to, data) =>
      ids(
        await tx.sponsorship.updateManyAndReturn({
          where: { id: { in: recordIds }, status: { in: from } },
          data: { ...data, status: to },
          select: { id: true },
        }),
      ),
    statusOf: async (tx, id) => (await tx.sponsorship.findUnique({ where: { id }, select: { status: true } }))?.status ?? null,
  },
  program: {
    label: "Program",
    moves: PROGRAM_MOVES,
    move: async (tx, recordIds, from, to, data) =>
      ids(
        await tx.program.updateManyAndReturn({
          where: { id: { in: recordIds }, status: { in: from } },
          data: { ...data, status: to },
          select: { id: true },
        }),
      ),
    statusOf: async (tx, id) => (await tx.program.findUnique({ where: { id }, select: { status: true } }))?.status ?? null,
  },
  invoice: {
    label: "Invoice",
    moves: INVOICE_MOVES,
    move: async (tx, recordIds, from, to, data) =>
      ids(
        await tx.invoice.updateManyAndReturn({
          where: { id: { in: recordIds }, status: { in: from } },
          data: { ...data, status: to },
          select: { id: true },
        }),
      ),
    statusOf: async (tx, id) => (await tx.invoice.findUnique({ where: { id }, select: { status: true } }))?.status ?? null,
  },
};

/** The statuses from which `to` may be reached. */
export function sourcesOf<E extends Entity>(entity: E, to: StatusOf<E>): StatusOf<E>[] {
  const moves: Moves<StatusOf<E>> = TABLES[entity].moves;
  return (Object.keys(moves) as StatusOf<E>[]).filter((from) => moves[from].includes(to));
}

export function canMove<E extends Entity>(entity: E, from: StatusOf<E>, to: StatusOf<E>): boolean {
  const moves: Moves<StatusOf<E>> = TABLES[entity].moves;
  return moves[from]?.includes(to) ?? false;
}

export interface TransitionOptions<E extends Entity> {
  /** Written in the same update as the status. */
  data?: DataOf<E>;
  /**
   * Finding the record already at `to` is no error (a result reported twice): nothing
   * changes and the answer is false.
   */
  repeatable?: boolean;
}

/**
 * Moves one record to `to` if its current status allows it; answers true when it moved.
 * Throws 409 `conflict` naming the status it found otherwise, and 404 for no record.
 */
export async function transition<E extends Entity>(
  tx: DbTx,
  entity: E,
  id: string,
  to: StatusOf<E>,
  options: TransitionOptions<E> = {},
): Promise<boolean> {
  const table: EntityTable<E> = TABLES[entity];
  const moved = await table.move(tx, [id], sourcesOf(entity, to), to, options.data ?? {});
  if (moved.length === 1) return true;
  const from = await table.statusOf(tx, id);
  if (from === null) throw notFound(table.label);
  if (options.repeatable && from === to) return false;
  throw new AppError("conflict", `${table.label} is already ${from}; it cannot become ${to}`, { entity, from, to });
}

/**
 * Moves each of `ids` whose status allows it, leaving the others as they are (for moves
 * another request may already have made, such as a sponsorship activated by another
 * payment); answers the ids it moved.
 */
export async function transitionEach<E extends Entity>(
  tx: DbTx,
  entity: E,
  recordIds: string[],
  to: StatusOf<E>,
  data: DataOf<E> = {},
): Promise<string[]> {
  if (recordIds.length === 0) return [];
  const table: EntityTable<E> = TABLES[entity];
  return table.move(tx, recordIds, sourcesOf(entity, to), to, data);
}
