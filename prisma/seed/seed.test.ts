/** The demo data: what the product promises a new user, and that loading it twice changes nothing. */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { seed } from "./seed";

async function tableCounts() {
  const rows = await getDb().$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name::text AS table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const [{ n }] = await getDb().$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT COUNT(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(n);
  }
  return counts;
}

async function one<T>(query: Promise<T[]>): Promise<T> {
  const [row] = await query;
  return row;
}

describe("demo data", () => {
  it("is idempotent: seeding again, even re-inserting every unit, changes nothing", async () => {
    const before = await tableCounts();
    const fingerprint = await one(getDb().$queryRaw<Array<{ total: string; latest: Date }>>`
      SELECT SUM(score)::text AS total, MAX(taken_at) AS latest FROM assessments`);

    const summary = await seed(getDb(), { skipSeededUnits: false });
    expect(Object.values(summary.inserted).every((n) => n === 0)).toBe(true);
    expect(await tableCounts()).toEqual(before);
    expect(
      await one(
        getDb().$queryRaw<
          Array<{ total: string; latest: Date }>
        >`SELECT SUM(score)::text AS total, MAX(taken_at) AS latest FROM assessments`,
      ),
    ).toEqual(fingerprint);
  });

  it("covers Kenya: 50+ schools in 10+ counties, 600+ students in grades 4–8, six CBC subjects", async () => {
    const db = getDb();
    expect(await db.school.count()).toBeGreaterThanOrEqual(50);
    const counties = await one(db.$queryRaw<Array<{ n: bigint }>>`SELECT COUNT(DISTINCT county_id) AS n FROM schools`);
    expect(Number(counties.n)).toBeGreaterThanOrEqual(10);
    expect(await db.student.count()).toBeGreaterThanOrEqual(600);
    expect(await db.student.count({ where: { OR: [{ gradeLevel: { lt: 4 } }, { gradeLevel: { gt: 8 } }] } })).toBe(0);
    const subjects = await db.course.groupBy({ by: ["subject"], _count: true });
    expect(subjects.map((s) => s.subject).sort()).toEqual(["English", "ICT", "Kiswahili", "Mathematics", "Science", "Social_Studies"]);
  });

  it("has at least 12 months of assessment history in which sponsored students improve", async () => {
    const span = await one(getDb().$queryRaw<Array<{ months: number }>>`
      SELECT COUNT(DISTINCT date_trunc('month', taken_at))::int AS months FROM assessments`);
    expect(span.months).toBeGreaterThanOrEqual(12);
    const trend = await getDb().$queryRaw<Array<{ half: number; avg: number }>>`
      WITH bounds AS (SELECT MIN(taken_at) AS lo, MAX(taken_at) AS hi FROM assessments)
      SELECT CASE WHEN a.taken_at < b.lo + (b.hi - b.lo) / 2 THEN 0 ELSE 1 END AS half, AVG(a.score)::float AS avg
        FROM assessments a CROSS JOIN bounds b
       WHERE a.student_id IN (SELECT student_id FROM sponsorships WHERE status IN ('active', 'completed'))
       GROUP BY 1 ORDER BY 1`;
    expect(trend).toHaveLength(2);
    expect(trend[1].avg).toBeGreaterThan(trend[0].avg);
  });

  it("gives the first partner a portfolio the size the partner spec shows, and the second its own", async () => {
    const db = getDb();
    const [first, second] = await Promise.all(
      ["partner@demo.test", "partner2@demo.test"].map((email) => db.user.findUniqueOrThrow({ where: { email } })),
    );
    expect(first.organizationId).not.toBe(second.organizationId);
    const partnerId = first.organizationId!;
    const sponsorships = await db.sponsorship.count({ where: { partnerId } });
    expect(sponsorships).toBeGreaterThanOrEqual(20);
    expect(sponsorships).toBeLessThan(100);
    const students = await one(db.$queryRaw<Array<{ n: bigint }>>`
      SELECT COUNT(*) AS n FROM (
        SELECT student_id FROM sponsorships WHERE partner_id = ${partnerId}::uuid
        UNION SELECT pp.student_id FROM program_participants pp JOIN programs p ON p.id = pp.program_id WHERE p.partner_id = ${partnerId}::uuid
      ) s`);
    expect(Number(students.n)).toBeGreaterThan(100);
    expect(await db.program.count({ where: { partnerId } })).toBe(3);
    expect(await db.payment.count({ where: { partnerId } })).toBe(24);
    expect(await db.invoice.count({ where: { partnerId } })).toBe(12);
    const shared = await one(db.$queryRaw<Array<{ n: bigint }>>`
      SELECT COUNT(*) AS n FROM sponsorships a JOIN sponsorships b ON a.student_id = b.student_id
       WHERE a.partner_id = ${partnerId}::uuid AND b.partner_id = ${second.organizationId}::uuid`);
    expect(Number(shared.n)).toBe(0);
    expect(await db.sponsorship.count({ where: { partnerId: second.organizationId! } })).toBeGreaterThan(0);
  });

  it("has every demo account, each with the demo password", async () => {
    const expected = {
      "partner@demo.test": "partner",
      "partner2@demo.test": "partner",
      "brand@demo.test": "brand",
      "brand2@demo.test": "brand",
      "creator@demo.test": "creator",
      "creator2@demo.test": "creator",
      "admin@demo.test": "admin",
    };
    const users = await getDb().user.findMany({ where: { email: { in: Object.keys(expected) } } });
    expect(Object.fromEntries(users.map((u) => [u.email, u.role]))).toEqual(expected);
    for (const user of users) expect(await verifyPassword("demo-password", user.passwordHash)).toBe(true);
  });

  it("puts every account in an organisation of its kind with a role, and gives a partner, a brand and a creator a team", async () => {
    const db = getDb();
    const users = await db.user.findMany({
      where: { email: { endsWith: "@demo.test" }, role: { not: "admin" } },
      select: { email: true, role: true, organizationId: true, organization: { select: { kind: true } }, memberships: true },
    });
    for (const user of users) {
      expect(user.organizationId, user.email).not.toBeNull();
      expect(user.organization!.kind, user.email).toBe(user.role);
      expect(
        user.memberships.map((m) => m.organizationId),
        user.email,
      ).toEqual([user.organizationId]);
    }
    const elimu = users.find((u) => u.email === "partner@demo.test")!.organizationId!;
    const team = await db.membership.findMany({ where: { organizationId: elimu }, include: { user: { select: { email: true } } } });
    expect(Object.fromEntries(team.map((m) => [m.user.email, m.role]))).toEqual({
      "partner@demo.test": "owner",
      "finance@demo.test": "finance",
      "programs@demo.test": "member",
      "board@demo.test": "viewer",
    });
    const teamOf = async (email: string) => {
      const organizationId = users.find((u) => u.email === email)!.organizationId!;
      const members = await db.membership.findMany({ where: { organizationId }, include: { user: { select: { email: true } } } });
      return Object.fromEntries(members.map((m) => [m.user.email, m.role]));
    };
    expect(await teamOf("brand@demo.test")).toEqual({
      "brand@demo.test": "owner",
      "marketing@demo.test": "member",
      "accounts@demo.test": "finance",
    });
    expect(await teamOf("creator@demo.test")).toEqual({ "creator@demo.test": "owner", "manager@demo.test": "admin" });
  });

  it("has proposals in every state and partnerships at every stage", async () => {
    const db = getDb();
    const proposalStates = await db.proposal.groupBy({ by: ["status"], _count: true });
    expect(proposalStates.map((p) => p.status).sort()).toEqual(["accepted", "countered", "draft", "rejected", "sent"]);
    const counter = await db.proposal.findFirstOrThrow({ where: { status: "countered" }, include: { counteredBy: true } });
    expect(counter.counteredBy).not.toBeNull();

    const partnerships = await db.partnership.findMany({ include: { contract: true, payments: true, deliverables: true } });
    const stages = new Set(
      partnerships.map((p) => {
        if (p.status !== "active") return p.status;
        if (!p.contract) return "no_contract";
        if (p.contract.status !== "active") return `contract_${p.contract.status}`;
        if (p.payments.some((pay) => pay.status === "in_progress")) return "in_escrow";
        return "contract_active";
      }),
    );
    for (const stage of ["no_contract", "contract_sent", "contract_active", "in_escrow", "completed", "terminated"]) {
      expect(stages, stage).toContain(stage);
    }
    expect([...stages].some((s) => s === "contract_signed_creator" || s === "contract_signed_brand")).toBe(true);
    const contract = await db.contract.findFirstOrThrow();
    expect(Buffer.from(contract.document).subarray(0, 4).toString()).toBe("%PDF");
  });
});
