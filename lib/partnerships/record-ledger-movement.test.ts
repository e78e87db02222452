import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkLedger } from "./check-ledger";
import { recordLedgerMovement } from "./record-ledger-movement";

const rollback = new Error("roll back");

/** Runs `work` in a transaction that is always rolled back, and answers what it returned. */
async function inRolledBack<T>(
  work: Parameters<ReturnType<typeof getDb>["$transaction"]>[0] extends (tx: infer Tx) => unknown ? (tx: Tx) => Promise<T> : never,
) {
  let result: T | undefined;
  await expect(
    getDb().$transaction(async (tx) => {
      result = await work(tx);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
  return result as T;
}

describe("the escrow ledger", () => {
  it("holds the demo's funded and released payments, balanced and in agreement with them", async () => {
    const db = getDb();
    const check = await checkLedger(db);
    expect(check.problems).toEqual([]);
    expect(check.entries).toBeGreaterThan(0);
    const released = await db.partnershipPayment.findFirstOrThrow({ where: { status: "completed" } });
    const entries = await db.ledgerEntry.findMany({
      where: { paymentId: released.id },
      orderBy: [{ movement: "asc" }, { amountMinor: "asc" }],
    });
    const a = released.amountMinor;
    expect(entries.map((e) => [e.movement, e.account, e.amountMinor])).toEqual([
      ["charge", "brand_funding", -a],
      ["charge", "escrow", a],
      ["release", "escrow", -a],
      ["release", "creator_payable", a],
      ["payout", "creator_payable", -a],
      ["payout", "creator_paid_out", a],
    ]);
  });

  it("refuses a second charge of the same payment", async () => {
    const funded = await getDb().partnershipPayment.findFirstOrThrow({ where: { status: "in_progress" } });
    await expect(getDb().$transaction((tx) => recordLedgerMovement(tx, { movement: "charge", payment: funded }))).rejects.toThrow();
    expect(await getDb().ledgerEntry.count({ where: { paymentId: funded.id, movement: "charge" } })).toBe(2);
  });

  it("refuses a movement that does not balance, and any change to an entry", async () => {
    const db = getDb();
    const pending = await db.partnershipPayment.findFirstOrThrow({ where: { status: "pending" } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO ledger_entries (movement_id, movement, partnership_id, payment_id, account, amount_minor, currency)
          VALUES (gen_random_uuid(), 'charge', ${pending.partnershipId}::uuid, ${pending.id}::uuid, 'escrow', ${pending.amountMinor}, ${pending.currency})`;
      }),
    ).rejects.toThrow();
    const entry = await db.ledgerEntry.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE ledger_entries SET amount_minor = amount_minor * 2 WHERE id = ${entry.id}::uuid`).rejects.toThrow();
    expect((await db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).amountMinor).toBe(entry.amountMinor);
    expect(await db.ledgerEntry.count({ where: { paymentId: pending.id } })).toBe(0);
  });

  it("reports a payment whose state moved without its entries, and escrow that disagrees", async () => {
    const pending = await getDb().partnershipPayment.findFirstOrThrow({ where: { status: "pending" } });
    const problems = await inRolledBack(async (tx) => {
      await tx.$executeRaw`UPDATE partnership_payments SET status = 'in_progress' WHERE id = ${pending.id}::uuid`;
      return (await checkLedger(tx)).problems;
    });
    expect(problems).toEqual([
      expect.stringContaining(`payment ${pending.id}: charge recorded nothing, expected ${pending.amountMinor}`),
      expect.stringContaining(`partnership ${pending.partnershipId}: escrow holds`),
    ]);
  });
});
