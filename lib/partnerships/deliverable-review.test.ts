import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { actorByEmail } from "@/tests/helpers/actors";
import { signedPartnership } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as getVersions } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/versions/route";
import {
  GET as getComments,
  POST as postComment,
} from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/comments/route";
import { GET as getFile } from "@/app/api/partnerships/[partnershipId]/files/[fileId]/route";
import { addDeliverableComment } from "./add-deliverable-comment";
import { approveDeliverable } from "./approve-deliverable";
import { getDeliverableFile } from "./get-deliverable-file";
import { listDeliverableReviews } from "./list-deliverable-reviews";
import { requestRevision } from "./request-revision";
import { submitDeliverable } from "./submit-deliverable";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "harambee-uploads-"));
process.env.UPLOAD_DIR = uploadDir;

// The smallest valid PNG: signature, IHDR (1×1), IDAT, IEND.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ab0000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

let brand: Actor, creator: Actor, otherCreator: Actor;
let tokens: { brand: string; creator: string; otherCreator: string };

beforeAll(async () => {
  await startBoss({ background: false });
  [brand, creator, otherCreator] = await Promise.all([
    actorByEmail("brand@demo.test"),
    actorByEmail("creator@demo.test"),
    actorByEmail("creator2@demo.test"),
  ]);
  tokens = {
    brand: await tokenFor("brand@demo.test"),
    creator: await tokenFor("creator@demo.test"),
    otherCreator: await tokenFor("creator2@demo.test"),
  };
});
afterAll(async () => {
  await stopBoss();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function fresh() {
  const { partnershipId } = await signedPartnership({
    brand: tokens.brand,
    creator: tokens.creator,
    brandId: brand.id,
    creatorId: creator.id,
  });
  const { id: deliverableId } = await getDb().deliverable.findFirstOrThrow({ where: { partnershipId }, orderBy: { position: "asc" } });
  return { partnershipId, deliverableId };
}

const storedFiles = () =>
  fs.existsSync(uploadDir)
    ? fs.readdirSync(uploadDir, { recursive: true }).filter((f) => fs.statSync(path.join(uploadDir, String(f))).isFile())
    : [];

describe("versioned review", () => {
  it("keeps every version with its link, files and answer, and the comments on each", async () => {
    const target = await fresh();
    await submitDeliverable({
      actor: creator,
      ...target,
      submissionUrl: "https://example.com/draft-1",
      notes: "First cut",
      files: [
        { name: "C:\\shots\\frame 1.png", bytes: PNG },
        { name: "brief.pdf", bytes: PDF },
      ],
    });
    await addDeliverableComment({ actor: brand, ...target, body: "The logo is hidden in frame 1." });
    await requestRevision({ actor: brand, ...target, feedback: "Show the product in the first frame." });
    await addDeliverableComment({ actor: creator, ...target, body: "Reshooting today." });
    // The second version carries files only.
    await submitDeliverable({ actor: creator, ...target, files: [{ name: "frame-1b.png", bytes: PNG }] });
    await approveDeliverable({ actor: brand, ...target, feedback: "Approved, thank you." });

    const review = (await listDeliverableReviews({ actor: creator, partnershipId: target.partnershipId }))[target.deliverableId]!;
    expect(review.versions.map((v) => [v.number, v.link, v.outcome, v.feedback, v.reviewedBy])).toEqual([
      [1, "https://example.com/draft-1", "changes_requested", "Show the product in the first frame.", brand.name],
      [2, null, "approved", "Approved, thank you.", brand.name],
    ]);
    expect(review.versions[0]!.notes).toBe("First cut");
    expect(review.versions[0]!.files.map((f) => [f.fileName, f.contentType, f.byteSize])).toEqual([
      // By name within a version.
      ["brief.pdf", "application/pdf", PDF.length],
      ["frame 1.png", "image/png", PNG.length],
    ]);
    expect(review.comments.map((c) => [c.side, c.author, c.versionNumber, c.body])).toEqual([
      ["brand", brand.name, 1, "The logo is hidden in frame 1."],
      ["creator", creator.name, 1, "Reshooting today."],
    ]);
    expect(storedFiles()).toHaveLength(3);

    // Both parties read the bytes back; anyone else is told the file does not exist.
    const fileId = review.versions[1]!.files[0]!.id;
    for (const actor of [creator, brand]) {
      const file = await getDeliverableFile({ actor, partnershipId: target.partnershipId, fileId });
      expect(Buffer.from(file.bytes).equals(PNG)).toBe(true);
    }
    await expect(getDeliverableFile({ actor: otherCreator, partnershipId: target.partnershipId, fileId })).rejects.toMatchObject({
      status: 404,
    });
    await expect(listDeliverableReviews({ actor: otherCreator, partnershipId: target.partnershipId })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses files it cannot vouch for, and stores nothing when it refuses", async () => {
    const target = await fresh();
    const before = storedFiles().length;
    const refused = async (files: Array<{ name: string; bytes: Uint8Array }>, submissionUrl?: string) => {
      await expect(submitDeliverable({ actor: creator, ...target, submissionUrl, files })).rejects.toMatchObject({
        status: 422,
        details: { fields: [expect.objectContaining({ path: expect.stringMatching(/^(files|submissionUrl)$/) })] },
      });
    };
    // A script named like an image is read by its bytes, not its name.
    await refused([{ name: "photo.png", bytes: Buffer.from("<script>alert(1)</script>") }], "https://example.com/x");
    await refused([{ name: "big.png", bytes: Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]) }]);
    await refused(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG })));
    await refused([{ name: "empty.png", bytes: new Uint8Array() }]);
    await refused([]);
    // The brand may not submit, and a file it sends is not kept.
    await expect(submitDeliverable({ actor: brand, ...target, files: [{ name: "a.png", bytes: PNG }] })).rejects.toMatchObject({
      status: 403,
    });
    expect(storedFiles()).toHaveLength(before);
    expect(await getDb().deliverableVersion.count({ where: { deliverableId: target.deliverableId } })).toBe(0);
    expect((await getDb().deliverable.findUniqueOrThrow({ where: { id: target.deliverableId } })).status).toBe("pending");
  });

  it("serves versions, comments and files through the partnerships API to the parties only", async () => {
    const target = await fresh();
    await submitDeliverable({
      actor: creator,
      ...target,
      submissionUrl: "https://example.com/v1",
      files: [{ name: "still.png", bytes: PNG }],
    });
    const params = { partnershipId: target.partnershipId, deliverableId: target.deliverableId };
    const base = `/api/partnerships/${target.partnershipId}/deliverables/${target.deliverableId}`;

    const created = await call(postComment, `${base}/comments`, { token: tokens.brand, params, body: { body: "Looks good so far" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ body: "Looks good so far", side: "brand", versionNumber: 1 });
    expect((await call(postComment, `${base}/comments`, { token: tokens.brand, params, body: { body: "  " } })).status).toBe(400);
    expect((await call(postComment, `${base}/comments`, { token: tokens.otherCreator, params, body: { body: "hi" } })).status).toBe(404);

    const comments = await call(getComments, `${base}/comments`, { token: tokens.creator, params });
    expect(comments.body.comments).toHaveLength(1);
    const versions = await call(getVersions, `${base}/versions`, { token: tokens.creator, params });
    expect(versions.status).toBe(200);
    expect(versions.body.versions).toHaveLength(1);
    const file = versions.body.versions[0].files[0];
    expect(file).toMatchObject({
      fileName: "still.png",
      contentType: "image/png",
      downloadUrl: `/api/partnerships/${target.partnershipId}/files/${file.id}`,
    });
    expect((await call(getVersions, `${base}/versions`, { token: tokens.otherCreator, params })).status).toBe(404);

    const download = (token: string) =>
      getFile(new NextRequest(new URL(file.downloadUrl, "http://localhost:8000"), { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ partnershipId: target.partnershipId, fileId: file.id }),
      });
    const ok = await download(tokens.brand);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await download(tokens.otherCreator)).status).toBe(404);
  });
});
