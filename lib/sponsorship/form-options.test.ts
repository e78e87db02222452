import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { listCountyNames } from "./list-county-names";
import { listCourseOptions } from "./list-course-options";
import { listProgramOptions } from "./list-program-options";
import { listUnpaidSponsorships } from "./list-unpaid-sponsorships";

async function actor(email: string) {
  return actorByEmail(email);
}

describe("partner form choices", () => {
  it("offers published courses, every county, and only the partner's own programs and pending sponsorships", async () => {
    const partner = await actor("partner@demo.test");
    const db = getDb();
    const courses = await listCourseOptions({ actor: partner });
    expect(courses).toHaveLength(await db.course.count({ where: { published: true } }));
    expect(courses.map((c) => c.grade_level)).toEqual([...courses.map((c) => c.grade_level)].sort((a, b) => a - b));

    const counties = await listCountyNames({ actor: partner });
    expect(counties).toHaveLength(await db.county.count());
    expect(counties).toEqual([...counties].sort((a, b) => a.localeCompare(b)));

    const programs = await listProgramOptions({ actor: partner });
    expect(programs).toHaveLength(await db.program.count({ where: { partnerId: partner.organizationId! } }));

    const unpaid = await listUnpaidSponsorships({ actor: partner });
    const pending = await db.sponsorship.count({ where: { partnerId: partner.organizationId!, status: "pending" } });
    expect(unpaid).toHaveLength(Math.min(pending, 100));
    const ids = unpaid.map((s) => s.id);
    const owned = await db.sponsorship.count({ where: { id: { in: ids }, partnerId: partner.organizationId!, status: "pending" } });
    expect(owned).toBe(ids.length);
    for (const s of unpaid) expect(s.amount).toBeGreaterThan(0);
  });

  it("is for partners only", async () => {
    const admin = await actor("admin@demo.test");
    await expect(listCourseOptions({ actor: admin })).rejects.toMatchObject({ status: 403 });
    await expect(listProgramOptions({ actor: admin })).rejects.toMatchObject({ status: 403 });
  });
});
