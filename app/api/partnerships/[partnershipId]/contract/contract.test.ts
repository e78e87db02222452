import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { contractDetail, contractSummary, MAX_SIGNATURE_BYTES } from "@/lib/partnerships/schemas/contracts";
import { seedId } from "@/prisma/seed/ids";
import { call, tokenFor } from "@/tests/helpers/http";
import { pdfText } from "@/tests/helpers/pdf-text";
import { GET as getDocument } from "./document/route";
import { GET as getContract, POST as generate } from "./route";
import { POST as sign } from "./sign/route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

/** Seeded partnerships (prisma/seed/creators.ts), by stage. */
const P = {
  noContract: seedId("partnership:glow-amani-pitch"), // creator + brand2
  sent: seedId("partnership:zero-sugar-amani"), // creator + brand
  signedByCreator: seedId("partnership:zero-sugar-njeri-pitch"), // creator2 + brand
  completed: seedId("partnership:back-to-school-amani"), // creator + brand
  terminated: seedId("partnership:hair-week-njeri"), // creator2 + brand2
};
const url = (id: string, rest = "") => `/api/partnerships/${id}/contract${rest}`;
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

let brand: string, brand2: string, creator: string, creator2: string, partner: string;

beforeAll(async () => {
  [brand, brand2, creator, creator2, partner] = await Promise.all(
    ["brand@demo.test", "brand2@demo.test", "creator@demo.test", "creator2@demo.test", "partner@demo.test"].map(tokenFor),
  );
});

/** What a refused request must leave untouched. */
async function snapshot(partnershipId: string) {
  const db = getDb();
  const contract = await db.contract.findUnique({
    where: { partnershipId },
    select: { id: true, status: true, updatedAt: true, documentSha256: true },
  });
  const [signatures, activity] = await Promise.all([
    db.contractSignature.findMany({
      where: { contract: { partnershipId } },
      select: { id: true, role: true, signedAt: true },
      orderBy: { role: "asc" },
    }),
    db.activityLog.count({ where: { partnershipId } }),
  ]);
  return { contract, signatures, activity };
}

const activityTypes = async (partnershipId: string, since: Date) =>
  (await getDb().activityLog.findMany({ where: { partnershipId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" } })).map((a) => ({
    type: a.type,
    userId: a.userId,
    role: (a.metadata as { role?: string } | null)?.role,
  }));

describe("contract lifecycle", () => {
  it("generates, serves the PDF to both parties only, and becomes active once both sign", async () => {
    const db = getDb();
    const id = P.noContract;
    const start = new Date(Date.now() - 1000);
    const [creatorUser, brandUser] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: "creator@demo.test" } }),
      db.user.findUniqueOrThrow({ where: { email: "brand2@demo.test" } }),
    ]);

    expect((await call(getContract, url(id), { token: creator, params: { partnershipId: id } })).status).toBe(404);
    expect((await call(getDocument, url(id, "/document"), { token: creator, params: { partnershipId: id } })).status).toBe(404);

    const generated = await call(generate, url(id), { token: creator, method: "POST", params: { partnershipId: id } });
    expect(generated.status).toBe(201);
    const summary = contractSummary.parse(generated.body);
    expect(summary).toMatchObject({ partnershipId: id, status: "sent", documentUrl: `/api/partnerships/${id}/contract/document` });

    const stored = await db.contract.findUniqueOrThrow({ where: { partnershipId: id } });
    expect(stored.id).toBe(summary.id);
    expect(Buffer.from(stored.document).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(stored.document).digest("hex")).toBe(stored.documentSha256);
    const text = await pdfText(stored.document);
    for (const expected of ["Content Partnership Agreement", "1. Parties", `Partnership ID ${id}`, "8. Signatures", `Partnership ${id}`])
      expect(text).toContain(expected);

    // A second generate, by either party, is refused and changes nothing.
    const before = await snapshot(id);
    const again = await call(generate, url(id), { token: brand2, method: "POST", params: { partnershipId: id } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "invalid_state", message: "Contract already exists" });
    expect(await snapshot(id)).toEqual(before);

    for (const token of [creator, brand2]) {
      const pdf = await call(getDocument, summary.documentUrl, { token, params: { partnershipId: id } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(String(pdf.body).startsWith("%PDF")).toBe(true);
      const got = contractDetail.parse((await call(getContract, url(id), { token, params: { partnershipId: id } })).body);
      expect(got).toMatchObject({ id: summary.id, status: "sent", creatorSignedAt: null, brandSignedAt: null, signatories: [] });
    }
    for (const token of [brand, creator2]) {
      const pdf = await call(getDocument, summary.documentUrl, { token, params: { partnershipId: id } });
      expect(pdf.status).toBe(404);
      expect(pdf.body.error.code).toBe("resource_not_found");
    }

    // The creator signs first, with an image. The address is the one the server in front
    // of the app resolved; what the client claims in X-Forwarded-For is ignored.
    const first = await call(sign, url(id, "/sign"), {
      token: creator,
      body: { signature: PNG },
      headers: {
        "x-client-address": "203.0.113.9",
        "x-forwarded-for": "198.51.100.66",
        "x-real-ip": "10.0.0.2",
        "user-agent": "vitest-creator",
      },
      params: { partnershipId: id },
    });
    expect(first.status).toBe(200);
    const afterCreator = contractDetail.parse(first.body);
    expect(afterCreator.status).toBe("signed_creator");
    expect(afterCreator.creatorSignedAt).not.toBeNull();
    expect(afterCreator.brandSignedAt).toBeNull();
    expect(afterCreator.signatories).toEqual([
      { userId: creatorUser.id, name: creatorUser.name, role: "creator", signedAt: afterCreator.creatorSignedAt, ipAddress: "203.0.113.9" },
    ]);
    const creatorSignature = await db.contractSignature.findFirstOrThrow({ where: { contractId: summary.id, role: "creator" } });
    expect(creatorSignature.userAgent).toBe("vitest-creator");
    expect(Buffer.from(creatorSignature.signatureImage!).equals(Buffer.from(PNG, "base64"))).toBe(true);
    expect(contractDetail.parse((await call(getContract, url(id), { token: brand2, params: { partnershipId: id } })).body).status).toBe(
      "signed_creator",
    );

    // Signing twice is refused and changes nothing.
    const beforeSecond = await snapshot(id);
    const twice = await call(sign, url(id, "/sign"), { token: creator, body: {}, params: { partnershipId: id } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("invalid_state");
    expect(await snapshot(id)).toEqual(beforeSecond);

    // The brand signs without an image and without a body.
    const second = await call(sign, url(id, "/sign"), {
      token: brand2,
      method: "POST",
      headers: { "x-client-address": "198.51.100.4", "x-real-ip": "10.9.9.9" },
      params: { partnershipId: id },
    });
    expect(second.status).toBe(200);
    const signed = contractDetail.parse(second.body);
    expect(signed.status).toBe("active");
    expect(signed.brandSignedAt).not.toBeNull();
    expect(signed.signatories.map((s) => [s.role, s.userId, s.ipAddress])).toEqual([
      ["creator", creatorUser.id, "203.0.113.9"],
      ["brand", brandUser.id, "198.51.100.4"],
    ]);
    expect(contractDetail.parse((await call(getContract, url(id), { token: creator, params: { partnershipId: id } })).body).status).toBe(
      "active",
    );
    expect((await db.contractSignature.findFirstOrThrow({ where: { contractId: summary.id, role: "brand" } })).signatureImage).toBeNull();

    const thrice = await call(sign, url(id, "/sign"), { token: brand2, method: "POST", params: { partnershipId: id } });
    expect(thrice.status).toBe(409);

    expect(await activityTypes(id, start)).toEqual([
      { type: "contract_generated", userId: creatorUser.id, role: undefined },
      { type: "contract_signed", userId: creatorUser.id, role: "creator" },
      { type: "contract_signed", userId: brandUser.id, role: "brand" },
      { type: "contract_activated", userId: brandUser.id, role: undefined },
    ]);
  });

  it("records 'unknown' when the request names no address", async () => {
    const id = P.sent;
    const res = await call(sign, url(id, "/sign"), { token: brand, method: "POST", params: { partnershipId: id } });
    expect(res.status).toBe(200);
    const detail = contractDetail.parse(res.body);
    expect(detail.status).toBe("signed_brand");
    expect(detail.signatories).toEqual([expect.objectContaining({ role: "brand", ipAddress: "unknown" })]);
    // Undo so the concurrency test below starts from `sent`.
    await getDb().contractSignature.deleteMany({ where: { contractId: detail.id } });
    await getDb().contract.update({ where: { id: detail.id }, data: { status: "sent" } });
  });

  it("rejects invalid and oversized signature images with 400 and changes nothing", async () => {
    const id = P.sent;
    const before = await snapshot(id);
    const tooBig = Buffer.alloc(MAX_SIGNATURE_BYTES + 1);
    Buffer.from(PNG, "base64").copy(tooBig);
    for (const signature of [
      "not base64!",
      "abc",
      Buffer.from("plain text, not an image").toString("base64"),
      tooBig.toString("base64"),
      42,
    ]) {
      const res = await call(sign, url(id, "/sign"), { token: creator, body: { signature }, params: { partnershipId: id } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.details.fields[0].path).toBe("body.signature");
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("ends active when brand and creator sign at the same time", async () => {
    const id = P.sent;
    const [a, b] = await Promise.all([
      call(sign, url(id, "/sign"), { token: creator, method: "POST", params: { partnershipId: id } }),
      call(sign, url(id, "/sign"), { token: brand, method: "POST", params: { partnershipId: id } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = [contractDetail.parse(a.body).status, contractDetail.parse(b.body).status].sort();
    expect(statuses).toContain("active");
    const contract = await getDb().contract.findUniqueOrThrow({ where: { partnershipId: id }, include: { signatures: true } });
    expect(contract.status).toBe("active");
    expect(contract.signatures.map((s) => s.role).sort()).toEqual(["brand", "creator"]);
    expect(await getDb().activityLog.count({ where: { partnershipId: id, type: "contract_activated" } })).toBe(1);
  });

  it("accepts exactly one of 20 concurrent signatures by the same party", async () => {
    const id = P.signedByCreator;
    const activatedBefore = await getDb().activityLog.count({ where: { partnershipId: id, type: "contract_activated" } });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call(sign, url(id, "/sign"), { token: brand, method: "POST", params: { partnershipId: id } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe("invalid_state");
    expect(contractDetail.parse(results.find((r) => r.status === 200)!.body).status).toBe("active");
    const db = getDb();
    expect(await db.contractSignature.count({ where: { contract: { partnershipId: id }, role: "brand" } })).toBe(1);
    expect((await db.contract.findUniqueOrThrow({ where: { partnershipId: id } })).status).toBe("active");
    expect(await db.activityLog.count({ where: { partnershipId: id, type: "contract_activated" } })).toBe(activatedBefore + 1);
  });

  it("refuses to generate or sign for a partnership that is not active", async () => {
    for (const [id, token] of [
      [P.completed, creator],
      [P.terminated, brand2],
    ] as const) {
      const before = await snapshot(id);
      const gen = await call(generate, url(id), { token, method: "POST", params: { partnershipId: id } });
      expect(gen.status).toBe(409);
      const res = await call(sign, url(id, "/sign"), { token, method: "POST", params: { partnershipId: id } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("invalid_state");
      expect(await snapshot(id)).toEqual(before);
      // Reading stays possible.
      expect((await call(getContract, url(id), { token, params: { partnershipId: id } })).status).toBe(200);
    }
  });
});

describe("contract access", () => {
  const routes = [
    { name: "generate", handler: generate, path: "", method: "POST" },
    { name: "get", handler: getContract, path: "", method: "GET" },
    { name: "sign", handler: sign, path: "/sign", method: "POST" },
    { name: "document", handler: getDocument, path: "/document", method: "GET" },
  ] as const;
  // P.completed belongs to brand and creator; brand2 and creator2 are strangers to it.
  const id = P.completed;

  it.each(routes)("$name: 404 for non-parties and unknown ids", async ({ handler, path, method }) => {
    const before = await snapshot(id);
    for (const token of [brand2, creator2]) {
      const res = await call(handler, url(id, path), { token, method, params: { partnershipId: id } });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("resource_not_found");
    }
    for (const bad of ["not-a-uuid", seedId("no-such-partnership")]) {
      expect((await call(handler, url(bad, path), { token: brand, method, params: { partnershipId: bad } })).status).toBe(404);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it.each(routes)("$name: 403 for the partner role, 401 without a token", async ({ handler, path, method }) => {
    const forbidden = await call(handler, url(id, path), { token: partner, method, params: { partnershipId: id } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("insufficient_permissions");
    const anonymous = await call(handler, url(id, path), { method, params: { partnershipId: id } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("authentication_required");
  });
});
