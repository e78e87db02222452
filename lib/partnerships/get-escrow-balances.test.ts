import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { toMajor } from "@/lib/money";
import { actorByEmail } from "@/tests/helpers/actors";
import { getEscrowBalances } from "./get-escrow-balances";

describe("getEscrowBalances", () => {
  it("answers what is awaited, held in escrow and released, for either party and nobody else", async () => {
    const db = getDb();
    const partnership = await db.partnership.findFirstOrThrow({
      where: { payments: { some: { status: "completed" } } },
      include: { payments: true, brand: true, creator: true },
    });
    const sum = (statuses: string[]) =>
      toMajor(partnership.payments.filter((p) => statuses.includes(p.status)).reduce((total, p) => total + p.amountMinor, 0n));
    const expected = {
      currency: partnership.currency,
      awaiting: sum(["pending", "failed"]),
      held: sum(["in_progress"]),
      released: sum(["completed"]),
    };
    expect(expected.released).toBeGreaterThan(0);
    for (const email of [partnership.brand.email, partnership.creator.email]) {
      expect(await getEscrowBalances({ actor: await actorByEmail(email), partnershipId: partnership.id })).toEqual(expected);
    }
    const outsider = await db.user.findFirstOrThrow({ where: { role: "brand", id: { not: partnership.brandId } } });
    await expect(getEscrowBalances({ actor: await actorByEmail(outsider.email), partnershipId: partnership.id })).rejects.toMatchObject({
      code: "resource_not_found",
    });
  });
});
