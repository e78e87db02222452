/**
 * A small stand-in for an S3-compatible object store, for tests: path-style PUT, GET and
 * DELETE of objects kept in memory. It refuses requests not signed with Signature V4 for the
 * expected access key, or whose declared payload hash does not match the body.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeS3 {
  url: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  close(): Promise<void>;
}

export async function startFakeS3(options: { bucket: string; accessKeyId: string }): Promise<FakeS3> {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const auth = req.headers.authorization ?? "";
    const declared = req.headers["x-amz-content-sha256"];
    const hash = crypto.createHash("sha256").update(body).digest("hex");
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`) || (declared !== hash && declared !== "UNSIGNED-PAYLOAD")) {
      res.writeHead(403).end("SignatureDoesNotMatch");
      return;
    }
    const [, bucket, ...rest] = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).split("/");
    if (bucket !== options.bucket) {
      res.writeHead(404).end("NoSuchBucket");
      return;
    }
    const key = rest.join("/");
    if (req.method === "PUT") {
      objects.set(key, { bytes: body, contentType: String(req.headers["content-type"] ?? "application/octet-stream") });
      res.writeHead(200).end();
    } else if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) res.writeHead(404).end("NoSuchKey");
      else res.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
    } else if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
