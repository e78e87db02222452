import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeS3, type FakeS3 } from "@/tests/fakes/s3-server";
import { s3Settings, uploadStore } from "./upload-store";

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3({ bucket: "deliverables", accessKeyId: "AKIDTEST" });
});
afterAll(() => s3.close());

const bytes = new Uint8Array([1, 2, 3, 250]);

describe("upload store", () => {
  it("keeps files on local disk by default, and refuses keys that leave its folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
    const store = uploadStore({ UPLOAD_DIR: dir });
    expect(store.kind).toBe("disk");
    await store.put("deliverables/p1/f1", bytes, "image/png");
    expect(fs.readFileSync(path.join(dir, "deliverables/p1/f1"))).toEqual(Buffer.from(bytes));
    expect(await store.get("deliverables/p1/f1")).toEqual(bytes);
    // A key is written once: a second put under it is refused rather than overwriting.
    await expect(store.put("deliverables/p1/f1", bytes, "image/png")).rejects.toThrow();
    await expect(store.put("../escape", bytes, "image/png")).rejects.toThrow(/outside/);
    await store.remove("deliverables/p1/f1");
    expect(fs.existsSync(path.join(dir, "deliverables/p1/f1"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("uses an S3-compatible bucket when S3_BUCKET is set, with signed requests", async () => {
    const env = { S3_BUCKET: "deliverables", S3_ENDPOINT: s3.url, S3_ACCESS_KEY_ID: "AKIDTEST", S3_SECRET_ACCESS_KEY: "secret" };
    const store = uploadStore(env);
    expect(store.kind).toBe("s3");
    await store.put("deliverables/p1/f 2", bytes, "application/pdf");
    expect(s3.objects.get("deliverables/p1/f 2")).toMatchObject({ contentType: "application/pdf" });
    expect(await store.get("deliverables/p1/f 2")).toEqual(bytes);
    await store.remove("deliverables/p1/f 2");
    expect(s3.objects.size).toBe(0);
    await expect(store.get("deliverables/p1/f 2")).rejects.toThrow(/404/);
    // Another access key is refused by the store, and the error says so.
    await expect(uploadStore({ ...env, S3_ACCESS_KEY_ID: "OTHER" }).put("k", bytes, "image/png")).rejects.toThrow(/403/);
  });

  it("says which S3 setting is missing", () => {
    expect(s3Settings({})).toBeNull();
    expect(() => s3Settings({ S3_BUCKET: "b", S3_ENDPOINT: "http://x" })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are not/);
  });
});
