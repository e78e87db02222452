/**
 * Every column type the schema uses, written and read back through Prisma on the
 * configured database (embedded PGlite, or PostgreSQL when DATABASE_URL is set).
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { getDb, Prisma } from "@/lib/db";
import { serverUrl } from "@/tests/test-databases";
import { NodePostgresAdapterFactory } from "./node-postgres";

const db = () => getDb();
let orgId: string;
let userId: string;

beforeAll(async () => {
  const org = await db().organization.create({ data: { name: "Round Trip Org", type: "ngo", country: "KE" } });
  orgId = org.id;
  const user = await db().user.create({
    data: {
      email: `roundtrip-${crypto.randomUUID()}@example.test`,
      name: "Round Trip",
      passwordHash: "x",
      role: "creator",
      organizationId: org.id,
    },
  });
  userId = user.id;
});

afterAll(async () => {
  await db().report.deleteMany({ where: { partnerId: orgId } });
  await db().creatorProfile.deleteMany({ where: { userId } });
  await db().user.deleteMany({ where: { id: userId } });
  await db().organization.deleteMany({ where: { id: orgId } });
});

describe("column types round-trip", () => {
  it("uuid, text, char(n), enum, boolean and timestamptz", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { organization: true } });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.role).toBe("creator");
    expect(user.active).toBe(true);
    expect(user.organization?.country).toBe("KE");
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(user.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("int, float and text[] (including empty, unicode and quoting)", async () => {
    const categories = ["tech", "Kiswahili na Utamaduni", 'quote " and , comma', "émoji 🎉", ""];
    await db().creatorProfile.create({
      data: { userId, handle: `rt-${userId.slice(0, 8)}`, categories, followers: 2_147_483_647, engagementRate: 0.1234567890123 },
    });
    const profile = await db().creatorProfile.findUniqueOrThrow({ where: { userId } });
    expect(profile.categories).toEqual(categories);
    expect(profile.followers).toBe(2_147_483_647);
    expect(profile.engagementRate).toBe(0.1234567890123);

    await db().creatorProfile.update({ where: { userId }, data: { categories: [] } });
    expect((await db().creatorProfile.findUniqueOrThrow({ where: { userId } })).categories).toEqual([]);
  });

  it("bigint beyond 2^53, date, json, bytes (including all byte values) and nulls", async () => {
    const content = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const summary = { students_reached: 120, nested: { list: [1, "two", null, true] }, unicode: "Ksh 1,000 — ✓" };
    const report = await db().report.create({
      data: {
        partnerId: orgId,
        createdById: userId,
        type: "financial",
        format: "pdf",
        title: "Round trip",
        periodStart: new Date("2025-10-01T00:00:00Z"),
        periodEnd: null,
        summary,
        content,
        contentType: "application/pdf",
        byteSize: content.length,
        expiresAt: new Date("2030-01-02T03:04:05.678Z"),
      },
    });
    const read = await db().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(Buffer.from(read.content).equals(content)).toBe(true);
    expect(read.summary).toEqual(summary);
    expect(read.periodStart?.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(read.periodEnd).toBeNull();
    expect(read.expiresAt.toISOString()).toBe("2030-01-02T03:04:05.678Z");

    // Filtering on bytes and dates goes through parameter binding too.
    expect(await db().report.count({ where: { content } })).toBe(1);
    expect(await db().report.count({ where: { partnerId: orgId, periodStart: { gte: new Date("2025-10-01") } } })).toBe(1);

    const big = 9_007_199_254_740_993n; // 2^53 + 1
    const payment = await db().payment.create({
      data: { partnerId: orgId, amountMinor: big, method: "stripe", reference: `RT-${crypto.randomUUID()}` },
    });
    expect((await db().payment.findUniqueOrThrow({ where: { id: payment.id } })).amountMinor).toBe(big);
    await db().payment.delete({ where: { id: payment.id } });
  });

  it("decimal keeps its exact value", async () => {
    const course = await db().course.findFirstOrThrow();
    const student = await db().student.findFirstOrThrow();
    const created = await db().assessment.create({
      data: { studentId: student.id, courseId: course.id, kind: "quiz", score: new Prisma.Decimal("87.35"), takenAt: new Date() },
    });
    const read = await db().assessment.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.score.toString()).toBe("87.35");
    expect(read.score).toBeInstanceOf(Prisma.Decimal);
    await db().assessment.delete({ where: { id: created.id } });
  });

  it("nullable bytes and json", async () => {
    const program = await db().program.findFirstOrThrow({ where: { eligibility: { not: Prisma.AnyNull } } });
    expect(typeof program.eligibility).toBe("object");
    const signature = await db().contractSignature.findFirst();
    if (signature) expect(signature.signatureImage === null || signature.signatureImage instanceof Uint8Array).toBe(true);
  });
});

describe("raw queries", () => {
  it("read name, int8, numeric, date, bytea, arrays and json columns", async () => {
    const [row] = await db().$queryRaw<Array<Record<string, unknown>>>`
      SELECT 9007199254740993::int8 AS big,
             12.50::numeric(5,2) AS score,
             DATE '2026-02-14' AS day,
             ${Buffer.from([0, 1, 254, 255])}::bytea AS bytes,
             ARRAY['a','b']::text[] AS texts,
             ARRAY[1,2,3]::int4[] AS ints,
             '{"a": [1, 2]}'::jsonb AS doc,
             TIMESTAMPTZ '2026-02-14 15:00:00+03' AS at`;
    expect(row.big).toBe(9_007_199_254_740_993n);
    expect(String(row.score)).toBe("12.5");
    expect((row.day as Date).toISOString()).toBe("2026-02-14T00:00:00.000Z");
    expect(Buffer.from(row.bytes as Uint8Array).equals(Buffer.from([0, 1, 254, 255]))).toBe(true);
    expect(row.texts).toEqual(["a", "b"]);
    expect(row.ints).toEqual([1, 2, 3]);
    expect(row.doc).toEqual({ a: [1, 2] });
    expect((row.at as Date).toISOString()).toBe("2026-02-14T12:00:00.000Z");
  });

  it("read `name` columns, as schema introspection returns them, through the project's adapters", async () => {
    const sql = "SELECT current_database()::name AS db_name, typname FROM pg_type WHERE typname = 'int4'";
    if (serverUrl()) {
      // The application uses @prisma/adapter-pg on a server; migrations use the project's adapter.
      const adapter = await new NodePostgresAdapterFactory(serverUrl()!).connect();
      try {
        const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
        expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.Text]);
        expect(result.rows[0][1]).toBe("int4");
      } finally {
        await adapter.dispose();
      }
    } else {
      const [row] = await db().$queryRawUnsafe<Array<{ db_name: string; typname: string }>>(sql);
      expect(row.typname).toBe("int4");
      expect(typeof row.db_name).toBe("string");
    }
  });

  it("aggregates in SQL with grouping", async () => {
    const rows = await db().$queryRaw<Array<{ subject: string; n: bigint; avg: unknown }>>`
      SELECT c.subject::text AS subject, COUNT(*) AS n, ROUND(AVG(a.score), 2) AS avg
      FROM assessments a JOIN courses c ON c.id = a.course_id
      GROUP BY c.subject ORDER BY c.subject`;
    expect(rows.length).toBe(6);
    for (const row of rows) expect(row.n).toBeGreaterThan(0n);
  });
});

describe("transactions and errors", () => {
  it("rolls back an interactive transaction that throws", async () => {
    const before = await db().organization.count();
    await expect(
      db().$transaction(async (tx) => {
        await tx.organization.create({ data: { name: "Rolled back", type: "company" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db().organization.count()).toBe(before);
  });

  it("commits an interactive transaction at the requested isolation level", async () => {
    const name = `Committed ${crypto.randomUUID()}`;
    await db().$transaction(async (tx) => tx.organization.create({ data: { name, type: "company" } }), {
      isolationLevel: "Serializable",
    });
    expect(await db().organization.count({ where: { name } })).toBe(1);
    await db().organization.deleteMany({ where: { name } });
  });

  it("reports unique and foreign-key violations as Prisma errors", async () => {
    const existing = await db().user.findFirstOrThrow();
    await expect(
      db().user.create({ data: { email: existing.email, name: "dup", passwordHash: "x", role: "brand" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(db().school.create({ data: { name: "Orphan", countyId: crypto.randomUUID() } })).rejects.toMatchObject({ code: "P2003" });
  });
});
