import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { listPendingPayments } from "./list-pending-payments";

async function actor(email: string) {
  return actorByEmail(email);
}

describe("payments to verify", () => {
  it("lists every partner's pending payments, oldest first, for admins only", async () => {
    const { payments, total } = await listPendingPayments({ actor: await actor("admin@demo.test") });
    expect(total).toBe(await getDb().payment.count({ where: { status: "pending" } }));
    expect(payments.length).toBe(Math.min(total, 100));
    expect(new Set(payments.map((p) => p.partner)).size).toBeGreaterThan(1);
    const times = payments.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort());
    await expect(listPendingPayments({ actor: await actor("partner@demo.test") })).rejects.toMatchObject({ status: 403 });
  });
});
