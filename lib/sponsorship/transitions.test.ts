import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { canMove, sourcesOf, transition, transitionEach } from "./transitions";

let partnerId: string;

beforeAll(async () => {
  partnerId = (await actorByEmail("partner@demo.test")).organizationId!;
});

async function pendingPayment() {
  const id = crypto.randomUUID();
  return getDb().payment.create({
    data: {
      id,
      partnerId,
      amountMinor: 10_000n,
      currency: "KES",
      method: "bank_transfer",
      status: "pending",
      reference: `BT_TRANSITION_${id.slice(0, 8)}`,
    },
  });
}

describe("partner status transitions", () => {
  it("lists where each status may go", () => {
    expect(sourcesOf("payment", "completed")).toEqual(["pending"]);
    expect(sourcesOf("invoice", "paid").sort()).toEqual(["draft", "overdue", "sent"]);
    expect(canMove("program", "planning", "active")).toBe(true);
    expect(canMove("sponsorship", "active", "pending")).toBe(false);
  });

  it("moves a record and writes its data in the same update", async () => {
    const payment = await pendingPayment();
    const at = new Date("2026-02-01T10:00:00Z");
    expect(await getDb().$transaction((tx) => transition(tx, "payment", payment.id, "completed", { data: { completedAt: at } }))).toBe(
      true,
    );
    expect(await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "completed", completedAt: at });
  });

  it("refuses an illegal transition with 409 conflict, naming the status found, and changes nothing", async () => {
    const payment = await pendingPayment();
    await getDb().$transaction((tx) => transition(tx, "payment", payment.id, "completed"));
    await expect(
      getDb().$transaction((tx) => transition(tx, "payment", payment.id, "failed", { data: { failureReason: "late" } })),
    ).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: "Payment is already completed; it cannot become failed",
      details: { entity: "payment", from: "completed", to: "failed" },
    });
    expect(await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "completed",
      failureReason: null,
    });

    const program = await getDb().program.findFirstOrThrow({ where: { partnerId, status: "active" } });
    await expect(getDb().$transaction((tx) => transition(tx, "program", program.id, "planning"))).rejects.toMatchObject({
      code: "conflict",
    });
    // Without `repeatable`, a move already made is refused too.
    await expect(getDb().$transaction((tx) => transition(tx, "payment", payment.id, "completed"))).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await getDb().$transaction((tx) => transition(tx, "payment", payment.id, "completed", { repeatable: true }))).toBe(false);
    await expect(getDb().$transaction((tx) => transition(tx, "payment", crypto.randomUUID(), "completed"))).rejects.toMatchObject({
      code: "resource_not_found",
    });
  });

  it("applies a move once when 10 transactions make it at the same time", async () => {
    const payment = await pendingPayment();
    const moved = await Promise.all(
      Array.from({ length: 10 }, () =>
        getDb().$transaction((tx) => transition(tx, "payment", payment.id, "completed", { repeatable: true })),
      ),
    );
    expect(moved.filter(Boolean)).toHaveLength(1);
  });

  it("moves only the records of a set whose status allows it", async () => {
    const [pending, active] = await Promise.all([
      getDb().sponsorship.findFirstOrThrow({ where: { partnerId, status: "pending" } }),
      getDb().sponsorship.findFirstOrThrow({ where: { partnerId, status: "active" } }),
    ]);
    const at = new Date("2026-02-02T08:00:00Z");
    const moved = await getDb().$transaction((tx) =>
      transitionEach(tx, "sponsorship", [pending.id, active.id], "active", { activatedAt: at }),
    );
    expect(moved).toEqual([pending.id]);
    expect(await getDb().sponsorship.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "active", activatedAt: at });
    expect((await getDb().sponsorship.findUniqueOrThrow({ where: { id: active.id } })).activatedAt).toEqual(active.activatedAt);
  });
});
