/**
 * What a new payment covers: the partner's own program and sponsorships, checked inside
 * the transaction that records the payment. Nothing is paid for twice: a sponsorship or
 * program that a pending payment already covers, a sponsorship already fully funded and a
 * cancelled one are refused. The rows are locked first, so of concurrent payments for the
 * same sponsorship the second waits for the first and then finds it pending.
 */
import { Prisma, type DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { toMajor } from "../money";

const payAgainLater = "it can be paid again once that payment fails or expires";

export async function checkPaymentCoverage(
  tx: DbTx,
  options: { partnerId: string; programId: string | null; sponsorshipIds: string[] },
): Promise<void> {
  const { partnerId, programId, sponsorshipIds } = options;
  if (programId) {
    const [program] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text FROM programs WHERE id = ${programId}::uuid AND partner_id = ${partnerId}::uuid FOR UPDATE`;
    if (!program) throw notFound("Program");
    const pending = await tx.payment.findFirst({
      where: { programId, status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { reference: true },
    });
    if (pending) {
      throw new AppError("conflict", `This program is already covered by pending payment ${pending.reference}; ${payAgainLater}`, {
        program_id: programId,
        pending_payment_reference: pending.reference,
      });
    }
  }
  if (!sponsorshipIds.length) return;

  // In id order, so two payments locking overlapping sets cannot deadlock.
  const ids = [...sponsorshipIds].sort();
  const locked = await tx.$queryRaw<Array<{ id: string; status: string; amount_minor: bigint; currency: string }>>`
    SELECT id::text, status::text, amount_minor, trim(currency) AS currency FROM sponsorships
     WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND partner_id = ${partnerId}::uuid
     ORDER BY id FOR UPDATE`;
  if (locked.length !== ids.length) throw notFound("Sponsorship");

  const pending = await tx.paymentSponsorship.findFirst({
    where: { sponsorshipId: { in: ids }, payment: { status: "pending" } },
    orderBy: { payment: { createdAt: "asc" } },
    select: { sponsorshipId: true, payment: { select: { reference: true } } },
  });
  if (pending) {
    throw new AppError(
      "conflict",
      `Sponsorship ${pending.sponsorshipId} is already covered by pending payment ${pending.payment.reference}; ${payAgainLater}`,
      { sponsorship_id: pending.sponsorshipId, pending_payment_reference: pending.payment.reference },
    );
  }

  const cancelled = locked.find((s) => s.status === "cancelled");
  if (cancelled)
    throw new AppError("conflict", `Sponsorship ${cancelled.id} is cancelled and cannot be paid for`, { sponsorship_id: cancelled.id });

  const received = await tx.disbursement.groupBy({
    by: ["sponsorshipId"],
    where: { sponsorshipId: { in: ids } },
    _sum: { amountMinor: true },
  });
  const receivedOf = new Map(received.map((row) => [row.sponsorshipId, row._sum.amountMinor ?? 0n]));
  const funded = locked.find((s) => (receivedOf.get(s.id) ?? 0n) >= BigInt(s.amount_minor));
  if (funded) {
    throw new AppError(
      "conflict",
      `Sponsorship ${funded.id} is already fully funded (${funded.currency} ${toMajor(BigInt(funded.amount_minor))} received)`,
      { sponsorship_id: funded.id },
    );
  }
}
