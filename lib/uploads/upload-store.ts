/**
 * Where uploaded files are kept: a folder on local disk by default (UPLOAD_DIR, else
 * `uploads/` in the data folder), or an S3-compatible bucket when S3_BUCKET is set.
 * Keys are made by the app, never from a user's file name.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { dataDir } from "../config";

export interface UploadStore {
  readonly kind: "disk" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

function diskStore(root: string): UploadStore {
  const file = (key: string) => {
    const resolved = path.resolve(root, key);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`Upload key outside the store: ${key}`);
    return resolved;
  };
  return {
    kind: "disk",
    async put(key, bytes) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      await fs.writeFile(file(key), bytes, { flag: "wx" });
    },
    async get(key) {
      return new Uint8Array(await fs.readFile(file(key)));
    },
    async remove(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

export interface S3Settings {
  bucket: string;
  /** Path-style endpoint, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function s3Store(settings: S3Settings): UploadStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: "s3",
    region: settings.region,
  });
  const url = (key: string) =>
    `${settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(settings.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const send = async (key: string, init: RequestInit, ok: (status: number) => boolean) => {
    const response = await client.fetch(url(key), init);
    if (!ok(response.status)) throw new Error(`Upload store answered ${response.status} to ${init.method ?? "GET"} ${key}`);
    return response;
  };
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await send(key, { method: "PUT", body: new Uint8Array(bytes), headers: { "content-type": contentType } }, (s) => s === 200);
    },
    async get(key) {
      return new Uint8Array(await (await send(key, { method: "GET" }, (s) => s === 200)).arrayBuffer());
    },
    async remove(key) {
      await send(key, { method: "DELETE" }, (s) => s === 204 || s === 200 || s === 404);
    },
  };
}

export function s3Settings(env: Record<string, string | undefined> = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const missing = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new Error(`S3_BUCKET is set but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not`);
  return {
    bucket,
    endpoint: env.S3_ENDPOINT!.trim(),
    region: env.S3_REGION?.trim() || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
  };
}

export function uploadStore(env: Record<string, string | undefined> = process.env): UploadStore {
  const s3 = s3Settings(env);
  if (s3) return s3Store(s3);
  return diskStore(path.resolve(env.UPLOAD_DIR?.trim() || path.join(dataDir(), "uploads")));
}
