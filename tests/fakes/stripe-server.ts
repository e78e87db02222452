/**
 * A small stand-in for the Stripe API, for tests (the network cannot reach Stripe).
 * It implements only what the application calls: creating and retrieving
 * PaymentIntents, creating Transfers and Refunds, honouring Idempotency-Key as Stripe does
 * (same key, same response). Every request is recorded so tests can assert on it.
 */
import net from "node:net";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  /** The form-encoded body decoded into nested objects (`metadata[a]=b` → { metadata: { a: "b" } }). */
  body: Record<string, unknown>;
}

export interface FakeStripe {
  port: number;
  requests: RecordedRequest[];
  paymentIntents: Map<string, Record<string, unknown>>;
  transfers: Map<string, Record<string, unknown>>;
  refunds: Map<string, Record<string, unknown>>;
  /** Points the application's Stripe client at this server (STRIPE_* env); `restore` undoes it. */
  useFromApp(options?: { secretKey?: string }): void;
  restore(): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

function decodeForm(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter(Boolean);
    let target = result;
    parts.slice(0, -1).forEach((part) => {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    });
    target[parts[parts.length - 1]!] = value;
  }
  return result;
}

const ENV_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"] as const;

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const paymentIntents = new Map<string, Record<string, unknown>>();
  const transfers = new Map<string, Record<string, unknown>>();
  const refunds = new Map<string, Record<string, unknown>>();
  const idempotent = new Map<string, { status: number; body: unknown }>();

  const handle = (method: string, path: string, body: Record<string, unknown>): { status: number; body: unknown } => {
    if (method === "POST" && path === "/v1/payment_intents") {
      const piId = id("pi");
      const intent = {
        id: piId,
        object: "payment_intent",
        amount: Number(body.amount),
        currency: body.currency,
        status: "requires_payment_method",
        client_secret: `${piId}_secret_${randomBytes(8).toString("hex")}`,
        transfer_group: body.transfer_group ?? null,
        metadata: body.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
        livemode: false,
      };
      paymentIntents.set(piId, intent);
      return { status: 200, body: intent };
    }
    const retrieve = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === "GET" && retrieve) {
      const intent = paymentIntents.get(decodeURIComponent(retrieve[1]!));
      return intent ? { status: 200, body: intent } : notFound(`No such payment_intent: '${retrieve[1]}'`);
    }
    if (method === "POST" && path === "/v1/transfers") {
      if (!body.destination)
        return {
          status: 400,
          body: { error: { type: "invalid_request_error", message: "Missing required param: destination.", param: "destination" } },
        };
      const transfer = {
        id: id("tr"),
        object: "transfer",
        amount: Number(body.amount),
        currency: body.currency,
        destination: body.destination,
        transfer_group: body.transfer_group ?? null,
        metadata: body.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
        livemode: false,
      };
      transfers.set(transfer.id, transfer);
      return { status: 200, body: transfer };
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = paymentIntents.get(String(body.payment_intent ?? ""));
      if (!intent) return notFound(`No such payment_intent: '${String(body.payment_intent)}'`);
      const refund = {
        id: id("re"),
        object: "refund",
        amount: body.amount === undefined ? intent.amount : Number(body.amount),
        currency: intent.currency,
        payment_intent: intent.id,
        status: "succeeded",
        metadata: body.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
      };
      refunds.set(refund.id, refund);
      return { status: 200, body: refund };
    }
    return notFound(`Unrecognized request URL (${method}: ${path})`);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const body = decodeForm(Buffer.concat(chunks).toString("utf8"));
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({ method, path, idempotencyKey, authorization: req.headers.authorization ?? null, body });
      let result: { status: number; body: unknown };
      if (!req.headers.authorization?.startsWith("Bearer sk_")) {
        result = { status: 401, body: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } } };
      } else if (method === "POST" && idempotencyKey) {
        const key = `${path} ${idempotencyKey}`;
        result = idempotent.get(key) ?? handle(method, path, body);
        idempotent.set(key, result);
      } else {
        result = handle(method, path, body);
      }
      res.writeHead(result.status, { "content-type": "application/json", "request-id": id("req") });
      res.end(JSON.stringify(result.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  let saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> | null = null;
  return {
    port,
    requests,
    paymentIntents,
    transfers,
    refunds,
    useFromApp(options = {}) {
      saved ??= Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
      process.env.STRIPE_SECRET_KEY = options.secretKey ?? "sk_test_fake";
      process.env.STRIPE_API_HOST = "127.0.0.1";
      process.env.STRIPE_API_PORT = String(port);
      process.env.STRIPE_API_PROTOCOL = "http";
    },
    restore() {
      if (!saved) return;
      for (const key of ENV_KEYS) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
      saved = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function notFound(message: string) {
  return { status: 404, body: { error: { type: "invalid_request_error", message } } };
}

/** A local port nothing listens on: pointing the Stripe client there makes Stripe unreachable. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
