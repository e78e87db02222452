import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { POST as verifyDocument } from "@/app/api/partnerships/contracts/verify/route";
import { GET as listPartnerships } from "@/app/api/partnerships/route";
import { GET as getPartnership } from "@/app/api/partnerships/[partnershipId]/route";
import { POST as submitDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/submit/route";
import {
  CONSENT_TEXT,
  contractDetail,
  contractSummary,
  MAX_SIGNATURE_BYTES,
  verifyContractResponse,
} from "@/lib/partnerships/schemas/contracts";
import { seedId } from "@/prisma/seed/ids";
import { acceptedPartnership } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { checkDocumentedResponse } from "@/tests/helpers/openapi-responses";
import { renderContractDocument, type ContractDocumentInput } from "@/lib/partnerships/contract-document";
import { pdfText, readPdf } from "@/tests/helpers/pdf-text";
import { GET as getDocument } from "./document/route";
import { POST as reject } from "./reject/route";
import { GET as getContract, POST as generate } from "./route";
import { POST as send } from "./send/route";
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
const signBody = (fullName: string) => ({ fullName, consent: true });
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
    expect(summary).toMatchObject({
      partnershipId: id,
      status: "draft",
      reviewWindowDays: 5,
      documentUrl: `/api/partnerships/${id}/contract/document`,
    });

    const stored = await db.contract.findUniqueOrThrow({ where: { partnershipId: id } });
    expect(stored.id).toBe(summary.id);
    expect(Buffer.from(stored.document).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(stored.document).digest("hex")).toBe(stored.documentSha256);
    const text = await pdfText(stored.document);
    for (const expected of ["Content Partnership Agreement", "1. Parties", `Partnership ID ${id}`, "8. Signatures", `Partnership ${id}`])
      expect(text).toContain(expected);
    expect(text).toContain("within 5 days");
    expect(text).not.toContain("Audit certificate");
    expect(stored.documentSha256).toBe(summary.documentSha256);

    // A draft cannot be signed or rejected: it has not been sent.
    const beforeDraft = await snapshot(id);
    const draftSign = await call(sign, url(id, "/sign"), { token: creator, body: signBody("Amani Otieno"), params: { partnershipId: id } });
    expect(draftSign.status).toBe(409);
    expect(draftSign.body.error).toMatchObject({ code: "invalid_state", message: expect.stringContaining("draft") });
    const draftReject = await call(reject, url(id, "/reject"), { token: creator, body: { reason: "No" }, params: { partnershipId: id } });
    expect(draftReject.status).toBe(409);
    expect(await snapshot(id)).toEqual(beforeDraft);

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
      expect(got).toMatchObject({
        id: summary.id,
        status: "draft",
        sentAt: null,
        creatorSignedAt: null,
        brandSignedAt: null,
        signatories: [],
      });
    }

    // Either party sends it; the document is the one generated, and a second send is refused.
    const sent = await call(send, url(id, "/send"), {
      token: brand2,
      method: "POST",
      headers: { "x-client-address": "198.51.100.4", "user-agent": "vitest-brand" },
      params: { partnershipId: id },
    });
    expect(sent.status).toBe(200);
    const sentDetail = contractDetail.parse(sent.body);
    expect(sentDetail).toMatchObject({
      status: "sent",
      documentSha256: stored.documentSha256,
      signedDocumentSha256: null,
      signedDocumentUrl: null,
      activatedAt: null,
      consentText: CONSENT_TEXT,
    });
    expect(sentDetail.sentAt).not.toBeNull();
    expect((await call(send, url(id, "/send"), { token: creator, method: "POST", params: { partnershipId: id } })).status).toBe(409);
    for (const token of [brand, creator2]) {
      const pdf = await call(getDocument, summary.documentUrl, { token, params: { partnershipId: id } });
      expect(pdf.status).toBe(404);
      expect(pdf.body.error.code).toBe("resource_not_found");
    }

    // The creator signs first, with an image. The address is the one the server in front
    // of the app resolved; what the client claims in X-Forwarded-For is ignored.
    const first = await call(sign, url(id, "/sign"), {
      token: creator,
      body: { fullName: "  Amani W. Otieno ", consent: true, signature: PNG },
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
      {
        userId: creatorUser.id,
        name: creatorUser.name,
        role: "creator",
        decision: "signed",
        fullName: "Amani W. Otieno",
        reason: null,
        signedAt: afterCreator.creatorSignedAt,
        ipAddress: "203.0.113.9",
        userAgent: "vitest-creator",
      },
    ]);
    const creatorSignature = await db.contractSignature.findFirstOrThrow({ where: { contractId: summary.id, role: "creator" } });
    expect(creatorSignature).toMatchObject({ userAgent: "vitest-creator", fullName: "Amani W. Otieno", consentText: CONSENT_TEXT });
    expect(Buffer.from(creatorSignature.signatureImage!).equals(Buffer.from(PNG, "base64"))).toBe(true);
    expect(contractDetail.parse((await call(getContract, url(id), { token: brand2, params: { partnershipId: id } })).body).status).toBe(
      "signed_creator",
    );

    // Signing twice is refused and changes nothing.
    const beforeSecond = await snapshot(id);
    const twice = await call(sign, url(id, "/sign"), { token: creator, body: signBody("Amani Otieno"), params: { partnershipId: id } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("invalid_state");
    expect(await snapshot(id)).toEqual(beforeSecond);

    // The brand signs without an image.
    const second = await call(sign, url(id, "/sign"), {
      token: brand2,
      body: signBody("Grace Mwangi"),
      headers: { "x-client-address": "198.51.100.4", "x-real-ip": "10.9.9.9", "user-agent": "vitest-brand" },
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

    const thrice = await call(sign, url(id, "/sign"), { token: brand2, body: signBody("Grace Mwangi"), params: { partnershipId: id } });
    expect(thrice.status).toBe(409);

    expect(await activityTypes(id, start)).toEqual([
      { type: "contract_generated", userId: creatorUser.id, role: "creator" },
      { type: "contract_sent", userId: brandUser.id, role: "brand" },
      { type: "contract_signed", userId: creatorUser.id, role: "creator" },
      { type: "contract_signed", userId: brandUser.id, role: "brand" },
      { type: "contract_activated", userId: brandUser.id, role: undefined },
    ]);
  });

  it("records 'unknown' when the request names no address", async () => {
    const id = P.sent;
    const res = await call(sign, url(id, "/sign"), { token: brand, body: signBody("Zero Sugar Ltd"), params: { partnershipId: id } });
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
      const res = await call(sign, url(id, "/sign"), {
        token: creator,
        body: { ...signBody("Amani Otieno"), signature },
        params: { partnershipId: id },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.details.fields[0].path).toBe("body.signature");
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it("ends active when brand and creator sign at the same time", async () => {
    const id = P.sent;
    const [a, b] = await Promise.all([
      call(sign, url(id, "/sign"), { token: creator, body: signBody("Amani Otieno"), params: { partnershipId: id } }),
      call(sign, url(id, "/sign"), { token: brand, body: signBody("Grace Mwangi"), params: { partnershipId: id } }),
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
      Array.from({ length: 20 }, () =>
        call(sign, url(id, "/sign"), { token: brand, body: signBody("Grace Mwangi"), params: { partnershipId: id } }),
      ),
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
      const res = await call(sign, url(id, "/sign"), { token, body: signBody("Some Body"), params: { partnershipId: id } });
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
    { name: "generate", handler: generate, path: "", method: "POST", body: undefined },
    { name: "get", handler: getContract, path: "", method: "GET", body: undefined },
    { name: "send", handler: send, path: "/send", method: "POST", body: undefined },
    { name: "sign", handler: sign, path: "/sign", method: "POST", body: signBody("Some Body") },
    { name: "reject", handler: reject, path: "/reject", method: "POST", body: { reason: "Not for us" } },
    { name: "document", handler: getDocument, path: "/document", method: "GET", body: undefined },
  ] as const;
  // P.completed belongs to brand and creator; brand2 and creator2 are strangers to it.
  const id = P.completed;

  it.each(routes)("$name: 404 for non-parties and unknown ids", async ({ handler, path, method, body }) => {
    const before = await snapshot(id);
    for (const token of [brand2, creator2]) {
      const res = await call(handler, url(id, path), { token, method, body, params: { partnershipId: id } });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("resource_not_found");
    }
    for (const bad of ["not-a-uuid", seedId("no-such-partnership")]) {
      expect((await call(handler, url(bad, path), { token: brand, method, body, params: { partnershipId: bad } })).status).toBe(404);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it.each(routes)("$name: 403 for the partner role, 401 without a token", async ({ handler, path, method, body }) => {
    const forbidden = await call(handler, url(id, path), { token: partner, method, body, params: { partnershipId: id } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("insufficient_permissions");
    const anonymous = await call(handler, url(id, path), { method, body, params: { partnershipId: id } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("authentication_required");
  });
});

describe("contract evidence", () => {
  let creatorId: string, brandId: string;
  beforeAll(async () => {
    const db = getDb();
    creatorId = (await db.user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
    brandId = (await db.user.findUniqueOrThrow({ where: { email: "brand@demo.test" } })).id;
  });
  const fresh = async () => (await acceptedPartnership({ brand, creator, creatorId, brandId })).partnershipId;
  const sendIt = (id: string) => call(send, url(id, "/send"), { token: brand, method: "POST", params: { partnershipId: id } });
  const status = async (id: string) => (await getDb().partnership.findUniqueOrThrow({ where: { id } })).status;

  /** The PDF bytes the document route serves. */
  async function download(id: string, version?: "sent" | "signed") {
    const request = new NextRequest(new URL(`http://localhost${url(id, "/document")}${version ? `?version=${version}` : ""}`), {
      headers: { authorization: `Bearer ${creator}` },
    });
    const response = await getDocument(request, { params: Promise.resolve({ partnershipId: id }) });
    return {
      status: response.status,
      sha256: response.headers.get("x-document-sha256"),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  it("validates the review window and prints it in the document", async () => {
    const id = await fresh();
    for (const reviewWindowDays of [0, 61, 2.5, "5", null]) {
      const res = await call(generate, url(id), { token: brand, body: { reviewWindowDays }, params: { partnershipId: id } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields[0].path).toBe("body.reviewWindowDays");
    }
    expect(await getDb().contract.count({ where: { partnershipId: id } })).toBe(0);
    const res = await call(generate, url(id), { token: brand, body: { reviewWindowDays: 14 }, params: { partnershipId: id } });
    expect(res.status).toBe(201);
    expect(contractSummary.parse(res.body)).toMatchObject({ status: "draft", reviewWindowDays: 14 });
    const stored = await getDb().contract.findUniqueOrThrow({ where: { partnershipId: id } });
    expect(stored.reviewWindowDays).toBe(14);
    expect(await pdfText(stored.document)).toContain("within 14 days");
  });

  it("refuses a signature without a typed full name and consent (400) and changes nothing", async () => {
    const id = await fresh();
    await call(generate, url(id), { token: brand, method: "POST", params: { partnershipId: id } });
    await sendIt(id);
    const before = await snapshot(id);
    const cases: Array<[unknown, string[]]> = [
      [{}, ["body.fullName", "body.consent"]],
      [{ consent: true }, ["body.fullName"]],
      [{ fullName: "A", consent: true }, ["body.fullName"]],
      [{ fullName: "    ", consent: true }, ["body.fullName"]],
      [{ fullName: "x".repeat(201), consent: true }, ["body.fullName"]],
      [{ fullName: "Amani Otieno" }, ["body.consent"]],
      [{ fullName: "Amani Otieno", consent: false }, ["body.consent"]],
      [{ fullName: "Amani Otieno", consent: "yes" }, ["body.consent"]],
    ];
    for (const [body, paths] of cases) {
      const res = await call(sign, url(id, "/sign"), { token: creator, body, params: { partnershipId: id } });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([...paths].sort());
    }
    const noBody = await call(sign, url(id, "/sign"), { token: creator, method: "POST", params: { partnershipId: id } });
    expect(noBody.status).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a rejection terminates the contract and the partnership; the rejecting party cannot sign", async () => {
    const id = await fresh();
    await call(generate, url(id), { token: brand, method: "POST", params: { partnershipId: id } });
    await sendIt(id);
    for (const body of [{}, { reason: "   " }]) {
      const res = await call(reject, url(id, "/reject"), { token: creator, body, params: { partnershipId: id } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields[0].path).toBe("body.reason");
    }
    const rejected = await call(reject, url(id, "/reject"), {
      token: creator,
      body: { reason: "The fee does not cover the usage rights" },
      headers: { "x-client-address": "203.0.113.30", "user-agent": "vitest-reject" },
      params: { partnershipId: id },
    });
    expect(rejected.status).toBe(200);
    const detail = contractDetail.parse(rejected.body);
    expect(detail.status).toBe("terminated");
    expect(detail.terminatedAt).not.toBeNull();
    expect(detail.creatorSignedAt).toBeNull();
    expect(detail.signatories).toEqual([
      expect.objectContaining({
        role: "creator",
        decision: "rejected",
        fullName: null,
        reason: "The fee does not cover the usage rights",
        ipAddress: "203.0.113.30",
        userAgent: "vitest-reject",
      }),
    ]);
    const partnership = await getDb().partnership.findUniqueOrThrow({ where: { id } });
    expect(partnership).toMatchObject({ status: "terminated", terminatedById: creatorId });
    expect(partnership.terminationReason).toContain("The fee does not cover the usage rights");
    expect(partnership.terminatedAt).not.toBeNull();

    const before = await snapshot(id);
    for (const token of [creator, brand]) {
      const res = await call(sign, url(id, "/sign"), { token, body: signBody("Some Body"), params: { partnershipId: id } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("invalid_state");
    }
    expect(
      (await call(reject, url(id, "/reject"), { token: creator, body: { reason: "Again" }, params: { partnershipId: id } })).status,
    ).toBe(409);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a party that signed cannot reject; the other party still can", async () => {
    const id = await fresh();
    await call(generate, url(id), { token: brand, method: "POST", params: { partnershipId: id } });
    await sendIt(id);
    expect(
      (await call(sign, url(id, "/sign"), { token: creator, body: signBody("Amani Otieno"), params: { partnershipId: id } })).status,
    ).toBe(200);
    const before = await snapshot(id);
    const withdraw = await call(reject, url(id, "/reject"), {
      token: creator,
      body: { reason: "Changed my mind" },
      params: { partnershipId: id },
    });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.message).toContain("cannot be withdrawn");
    expect(await snapshot(id)).toEqual(before);

    const byBrand = await call(reject, url(id, "/reject"), { token: brand, body: { reason: "Budget cut" }, params: { partnershipId: id } });
    expect(byBrand.status).toBe(200);
    expect(contractDetail.parse(byBrand.body).signatories.map((s) => [s.role, s.decision])).toEqual([
      ["creator", "signed"],
      ["brand", "rejected"],
    ]);
    expect(await status(id)).toBe("terminated");
  });

  it("no deliverable is submitted before the contract is active, and the partnership says where the contract stands", async () => {
    const id = await fresh();
    const partnershipStatus = async () => {
      const got = await call(getPartnership, `/api/partnerships/${id}`, { token: creator, params: { partnershipId: id } });
      const listed = await call(listPartnerships, `/api/partnerships?limit=100`, { token: creator });
      const row = (listed.body.partnerships as Array<{ id: string; contractStatus: string | null }>).find((p) => p.id === id);
      expect(row?.contractStatus).toBe(got.body.contractStatus);
      return got.body.contractStatus as string | null;
    };
    const deliverable = await getDb().deliverable.findFirstOrThrow({ where: { partnershipId: id } });
    const submit = () =>
      call(submitDeliverable, "/x", {
        token: creator,
        body: { submissionUrl: "https://example.com/post/1" },
        params: { partnershipId: id, deliverableId: deliverable.id },
      });

    expect(await partnershipStatus()).toBeNull();
    let res = await submit();
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "invalid_state", details: { contractStatus: null } });
    expect(res.body.error.message).toContain("signed by both parties");

    await call(generate, url(id), { token: brand, method: "POST", params: { partnershipId: id } });
    expect(await partnershipStatus()).toBe("draft");
    await sendIt(id);
    expect(await partnershipStatus()).toBe("sent");
    await call(sign, url(id, "/sign"), { token: creator, body: signBody("Amani Otieno"), params: { partnershipId: id } });
    expect(await partnershipStatus()).toBe("signed_creator");
    res = await submit();
    expect(res.status).toBe(409);
    expect(res.body.error.details.contractStatus).toBe("signed_creator");
    expect((await getDb().deliverable.findUniqueOrThrow({ where: { id: deliverable.id } })).status).toBe("pending");

    await call(sign, url(id, "/sign"), { token: brand, body: signBody("Grace Mwangi"), params: { partnershipId: id } });
    expect(await partnershipStatus()).toBe("active");
    expect((await submit()).status).toBe(200);
  });

  it("both signatures issue a signed document with the evidence, which the public verify endpoint recognises", async () => {
    const id = await fresh();
    const generated = await call(generate, url(id), {
      token: brand,
      method: "POST",
      headers: { "x-client-address": "198.51.100.40", "user-agent": "vitest-generate" },
      params: { partnershipId: id },
    });
    const sent = contractDetail.parse(
      (
        await call(send, url(id, "/send"), {
          token: creator,
          method: "POST",
          headers: { "x-client-address": "203.0.113.41", "user-agent": "vitest-send" },
          params: { partnershipId: id },
        })
      ).body,
    );
    expect(sent.documentSha256).toBe(generated.body.documentSha256);
    // The input kept at generation renders the sent document again, byte for byte: the signed one repeats it.
    const generation = await getDb().activityLog.findFirstOrThrow({ where: { partnershipId: id, type: "contract_generated" } });
    const kept = (generation.metadata as unknown as { documentInput: ContractDocumentInput }).documentInput;
    expect(
      createHash("sha256")
        .update(await renderContractDocument(kept))
        .digest("hex"),
    ).toBe(sent.documentSha256);
    await call(sign, url(id, "/sign"), {
      token: creator,
      body: signBody("Amani Wanjiru Otieno"),
      headers: { "x-client-address": "203.0.113.42", "user-agent": "Mozilla/5.0 (creator browser)" },
      params: { partnershipId: id },
    });
    const done = await call(sign, url(id, "/sign"), {
      token: brand,
      body: signBody("Grace Njeri Mwangi"),
      headers: { "x-client-address": "198.51.100.43", "user-agent": "Mozilla/5.0 (brand browser)" },
      params: { partnershipId: id },
    });
    expect(done.status).toBe(200);
    const active = contractDetail.parse(done.body);
    expect(active.status).toBe("active");
    expect(active.activatedAt).toBe(active.brandSignedAt);
    expect(active.documentSha256).toBe(sent.documentSha256);
    expect(active.signedDocumentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(active.signedDocumentSha256).not.toBe(active.documentSha256);
    expect(active.signedDocumentUrl).toBe(`/api/partnerships/${id}/contract/document?version=signed`);

    const stored = await getDb().contract.findUniqueOrThrow({ where: { partnershipId: id } });
    expect(createHash("sha256").update(stored.signedDocument!).digest("hex")).toBe(active.signedDocumentSha256);

    // The document route serves the signed document now, and the sent one when asked.
    const signedPdf = await download(id);
    expect(signedPdf).toMatchObject({ status: 200, sha256: active.signedDocumentSha256 });
    expect(Buffer.from(signedPdf.bytes).equals(Buffer.from(stored.signedDocument!))).toBe(true);
    const sentPdf = await download(id, "sent");
    expect(sentPdf).toMatchObject({ status: 200, sha256: active.documentSha256 });
    expect(createHash("sha256").update(sentPdf.bytes).digest("hex")).toBe(active.documentSha256);
    expect(Buffer.from(sentPdf.bytes).equals(Buffer.from(signedPdf.bytes))).toBe(false);

    const signedText = await pdfText(signedPdf.bytes);
    for (const expected of [
      "Amani Wanjiru Otieno",
      "Grace Njeri Mwangi",
      "203.0.113.42",
      "198.51.100.43",
      "Mozilla/5.0 (creator browser)",
      "Audit certificate",
      active.documentSha256,
      "Signed by the creator",
      "Signed by the brand",
      "Sent for signature",
      "203.0.113.41",
      "198.51.100.40",
      "/api/partnerships/contracts/verify",
    ])
      expect(signedText.replace(/\n/g, " ")).toContain(expected);
    // The signature blocks are filled in on the contract itself; the certificate is the last page.
    const signedPages = (await readPdf(signedPdf.bytes)).pages;
    const signaturePage = signedPages.find((page) => page.includes("8. Signatures"))!.replace(/\n/g, " ");
    for (const expected of [
      "Amani Wanjiru Otieno",
      "Grace Njeri Mwangi",
      "203.0.113.42",
      "198.51.100.43",
      "Signed electronically as the creator",
    ])
      expect(signaturePage).toContain(expected);
    expect(signedPages.at(-1)).toContain("Audit certificate");
    expect(signedPages.indexOf(signedPages.find((page) => page.includes("8. Signatures"))!)).toBeLessThan(signedPages.length - 1);
    const sentText = await pdfText(sentPdf.bytes);
    expect(sentText).toContain("8. Signatures");
    expect(sentText).toContain("Date: ______________________");
    expect(sentText).not.toContain("Audit certificate");
    expect(sentText).not.toContain("Amani Wanjiru Otieno");

    // Verify: the signed file, the sent file, a changed copy, and by hash.
    const bySignedUpload = await verify(multipart(signedPdf.bytes));
    expect(bySignedUpload).toMatchObject({
      status: 200,
      body: {
        issued: true,
        matches: "signed",
        sha256: active.signedDocumentSha256,
        contractId: active.id,
        status: "active",
        issuedAt: active.activatedAt,
        activatedAt: active.activatedAt,
        signatories: [
          { role: "creator", fullName: "Amani Wanjiru Otieno", decision: "signed", signedAt: active.creatorSignedAt },
          { role: "brand", fullName: "Grace Njeri Mwangi", decision: "signed", signedAt: active.brandSignedAt },
        ],
      },
    });
    expect(await verify({ body: sentPdf.bytes, contentType: "application/pdf" })).toMatchObject({
      status: 200,
      body: { issued: true, matches: "sent", contractId: active.id, issuedAt: sent.sentAt },
    });
    const tampered = new Uint8Array(signedPdf.bytes);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    expect(await verify(multipart(tampered))).toEqual({
      status: 200,
      body: { issued: false, sha256: createHash("sha256").update(tampered).digest("hex") },
    });
    expect(
      await verify({ body: JSON.stringify({ sha256: active.signedDocumentSha256!.toUpperCase() }), contentType: "application/json" }),
    ).toMatchObject({ status: 200, body: { issued: true, matches: "signed", contractId: active.id } });
    expect(await verify({ body: JSON.stringify({ sha256: "0".repeat(64) }), contentType: "application/json" })).toEqual({
      status: 200,
      body: { issued: false, sha256: "0".repeat(64) },
    });
  });

  it("seeded contracts carry their evidence: sent with sentAt, active with a signed document that verifies", async () => {
    const db = getDb();
    const sentContract = await db.contract.findUniqueOrThrow({ where: { partnershipId: P.sent } });
    expect(sentContract.sentAt).not.toBeNull();
    const completed = await db.contract.findUniqueOrThrow({
      where: { partnershipId: P.completed },
      include: { signatures: true },
    });
    expect(completed).toMatchObject({ status: "active", signedDocumentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(completed.activatedAt).not.toBeNull();
    for (const signature of completed.signatures) expect(signature).toMatchObject({ decision: "signed", consentText: CONSENT_TEXT });
    const text = await pdfText(completed.signedDocument!);
    expect(text).toContain("Audit certificate");
    expect(text.replace(/\n/g, " ")).toContain(completed.documentSha256);
    expect(await verify(multipart(completed.signedDocument!))).toMatchObject({
      status: 200,
      body: { issued: true, matches: "signed", contractId: completed.id },
    });
  });

  it("verify says a draft was never issued", async () => {
    const id = await fresh();
    const draft = await call(generate, url(id), { token: brand, method: "POST", params: { partnershipId: id } });
    const res = await verify({ body: JSON.stringify({ sha256: draft.body.documentSha256 }), contentType: "application/json" });
    expect(res).toEqual({ status: 200, body: { issued: false, sha256: draft.body.documentSha256 } });
  });

  it("verify refuses bad input", async () => {
    for (const sha256 of ["abc", "g".repeat(64), "0".repeat(63), 42]) {
      const res = await verify({ body: JSON.stringify({ sha256 }), contentType: "application/json" });
      expect(res.status).toBe(400);
      expect((res.body as any).error.details.fields[0].path).toBe("body.sha256");
    }
    expect((await verify({ body: "{}", contentType: "application/json" })).status).toBe(400);
    expect((await verify({ body: "not json", contentType: "application/json" })).status).toBe(400);
    expect((await verify({ body: new Uint8Array(0), contentType: "application/pdf" })).status).toBe(400);
    const noFile = new FormData();
    noFile.set("other", "x");
    const missing = await verify({ body: noFile });
    expect(missing.status).toBe(400);
    expect((missing.body as any).error.details.fields[0].path).toBe("body.file");
    expect((await verify({ body: "hello", contentType: "text/plain" })).status).toBe(415);
    const tooBig = await verify({ body: new Uint8Array(1024 * 1024 + 1), contentType: "application/pdf" });
    expect(tooBig.status).toBe(413);
    expect((tooBig.body as any).error.code).toBe("payload_too_large");
  });
});

function multipart(bytes: Uint8Array): { body: FormData } {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "contract.pdf");
  return { body: form };
}

/** Calls the public verify route with a body of any kind, as a client without a token would. */
async function verify(input: { body: BodyInit; contentType?: string }): Promise<{ status: number; body: unknown }> {
  const request = new NextRequest(new URL("http://localhost:8000/api/partnerships/contracts/verify"), {
    method: "POST",
    body: input.body,
    headers: input.contentType ? { "content-type": input.contentType } : undefined,
  });
  const response = await verifyDocument(request);
  const body: unknown = await response.json();
  if (response.status === 200) verifyContractResponse.parse(body);
  // Every answer must be one the published OpenAPI document describes.
  await checkDocumentedResponse(verifyDocument, { status: response.status, contentType: response.headers.get("content-type"), body });
  return { status: response.status, body };
}
