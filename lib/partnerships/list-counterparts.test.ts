import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listCounterparts } from "./list-counterparts";

const actors = {} as Record<"brand" | "creator" | "partner", Actor>;

beforeAll(async () => {
  for (const who of ["brand", "creator", "partner"] as const) {
    actors[who] = await actorByEmail(`${who}@demo.test`);
  }
});

describe("listCounterparts", () => {
  it("lists creators for a brand, by name, and no brands: one per creator organisation, its party account", async () => {
    const list = await listCounterparts({ actor: actors.brand });
    const names = list.map((c) => c.name);
    expect(names).toContain("Amani Wekesa");
    expect(names).toContain("Njeri Mwangi");
    expect(list.every((c) => c.role === "creator")).toBe(true);
    expect(names).not.toContain("Savanna Beverages");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    // A creator's team member (Amani's manager) is not a party of their own.
    expect(names).not.toContain("Joy Atieno");
    const creators = await getDb().user.count({ where: { role: "creator", active: true, creatorProfile: { isNot: null } } });
    expect(list).toHaveLength(creators);
  });

  it("lists brands for a creator by company name", async () => {
    const list = await listCounterparts({ actor: actors.creator });
    const names = list.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Savanna Beverages", "Nuru Cosmetics"]));
    expect(list.every((c) => c.role === "brand")).toBe(true);
    expect(names).not.toContain("Amani Wekesa");
    expect(list.find((c) => c.name === "Savanna Beverages")?.id).toBe(actors.brand.id);
  });

  it("leaves out inactive users", async () => {
    const njeri = await getDb().user.findUniqueOrThrow({ where: { email: "creator2@demo.test" } });
    await getDb().user.update({ where: { id: njeri.id }, data: { active: false } });
    try {
      const list = await listCounterparts({ actor: actors.brand });
      expect(list.map((c) => c.id)).not.toContain(njeri.id);
    } finally {
      await getDb().user.update({ where: { id: njeri.id }, data: { active: true } });
    }
  });

  it("refuses users who are neither creator nor brand", async () => {
    await expect(listCounterparts({ actor: actors.partner })).rejects.toBeInstanceOf(AppError);
  });
});
