/**
 * A small stand-in for Safaricom's Daraja API, for tests (the network cannot reach it). It
 * implements what the app calls: the OAuth token, the B2C payment request, whose result it
 * then posts to ResultURL (or a timeout to QueueTimeOutURL) as Safaricom does, and the
 * transaction status query; and the STK push (M-Pesa Express) request, whose result it posts
 * to CallBackURL, and STK Query. How each payment ends is configurable; every request is
 * recorded, so tests can assert that nothing was sent twice. Like Daraja, it does not deduplicate.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type B2CBehaviour =
  | { kind: "succeed" }
  | { kind: "fail"; resultCode: number; resultDesc?: string }
  /** Posts to QueueTimeOutURL; the payment itself succeeds (the status query says so). */
  | { kind: "timeout" }
  /** Accepts the request and never calls back; the payment succeeds. */
  | { kind: "drop" };

export type StkBehaviour =
  /** The payer enters their PIN. */
  | { kind: "succeed" }
  /** The payer dismisses the prompt (1032). */
  | { kind: "cancel" }
  /** The phone cannot be reached (1037). */
  | { kind: "unreachable" }
  /** The payer pays, but the callback never comes; STK Query says it was paid. */
  | { kind: "drop" }
  /** Nobody answers yet: no callback, and STK Query says it is still being processed. */
  | { kind: "processing" }
  /** Daraja refuses the push request itself (HTTP 400, as for an invalid phone number). */
  | { kind: "refuse" };

export interface FakeStkTransaction {
  checkoutRequestId: string;
  merchantRequestId: string;
  amount: number;
  phone: string;
  behaviour: StkBehaviour["kind"];
  resultCode: number;
  resultDesc: string;
  receipt: string | null;
  callbackUrl: string;
}

export interface RecordedDarajaRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

export interface FakeTransaction {
  originatorConversationId: string;
  conversationId: string;
  amount: number;
  phone: string;
  resultCode: number;
  resultDesc: string;
  receipt: string | null;
}

export interface FakeDaraja {
  url: string;
  requests: RecordedDarajaRequest[];
  /** B2C payment requests, in order. */
  payments(): RecordedDarajaRequest[];
  transactions: Map<string, FakeTransaction>;
  tokensIssued: number;
  /** What the next B2C requests do (default: succeed). */
  behaviour: B2CBehaviour;
  /** STK push requests, in order. */
  stkPushes(): RecordedDarajaRequest[];
  /** STK Query requests, in order. */
  stkQueries(): RecordedDarajaRequest[];
  /** STK prompts by CheckoutRequestID. */
  stkTransactions: Map<string, FakeStkTransaction>;
  /** What the next STK prompts do (default: succeed). */
  stkBehaviour: StkBehaviour;
  /** The callback body Safaricom would post for a prompt. */
  stkCallbackBody(tx: FakeStkTransaction): object;
  /** Milliseconds the B2C answer waits (a slow Daraja, for tests that kill a worker mid-request). */
  answerDelayMs: number;
  /** Lifetime of issued tokens, as Daraja states it in expires_in. */
  tokenLifetimeSeconds: number;
  /** Makes every issued token invalid (Daraja answers 401 until a new one is fetched). */
  revokeTokens(): void;
  /** How callbacks reach the app; default: an HTTP POST to the URL. Resolves when delivered. */
  deliver: (url: string, body: object) => Promise<void>;
  /** Waits until every callback scheduled so far was delivered. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const CONSUMER_KEY = "fake-consumer-key";
const CONSUMER_SECRET = "fake-consumer-secret";

export const FAKE_DARAJA_ENV = {
  DARAJA_CONSUMER_KEY: CONSUMER_KEY,
  DARAJA_CONSUMER_SECRET: CONSUMER_SECRET,
  DARAJA_B2C_SHORTCODE: "600000",
  DARAJA_INITIATOR_NAME: "testapi",
  DARAJA_SECURITY_CREDENTIAL: "ZmFrZS1lbmNyeXB0ZWQtcGFzc3dvcmQ=",
  DARAJA_CALLBACK_BASE_URL: "https://harambee.test",
  DARAJA_CALLBACK_TOKEN: "fake-callback-token-0123456789",
  DARAJA_STK_SHORTCODE: "174379",
  DARAJA_PASSKEY: "fake-lipa-na-mpesa-passkey",
};

const STK_RESULTS: Record<Exclude<StkBehaviour["kind"], "refuse">, { code: number; desc: string }> = {
  succeed: { code: 0, desc: "The service request is processed successfully." },
  drop: { code: 0, desc: "The service request is processed successfully." },
  cancel: { code: 1032, desc: "Request cancelled by user" },
  unreachable: { code: 1037, desc: "DS timeout user cannot be reached" },
  processing: { code: -1, desc: "" },
};

function stkCallbackBody(tx: FakeStkTransaction) {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: tx.merchantRequestId,
        CheckoutRequestID: tx.checkoutRequestId,
        ResultCode: tx.resultCode,
        ResultDesc: tx.resultDesc,
        ...(tx.resultCode === 0
          ? {
              CallbackMetadata: {
                Item: [
                  { Name: "Amount", Value: tx.amount },
                  { Name: "MpesaReceiptNumber", Value: tx.receipt },
                  { Name: "TransactionDate", Value: 20261202101500 },
                  { Name: "PhoneNumber", Value: Number(tx.phone) },
                ],
              },
            }
          : {}),
      },
    },
  };
}

/** Checks an STK request's Password and Timestamp as Daraja does; answers the error, or null. */
function stkCredentialsError(body: Record<string, unknown>) {
  const timestamp = String(body.Timestamp ?? "");
  const expected = Buffer.from(`${String(body.BusinessShortCode)}${FAKE_DARAJA_ENV.DARAJA_PASSKEY}${timestamp}`).toString("base64");
  if (!/^\d{14}$/.test(timestamp) || body.Password !== expected)
    return { status: 400, body: { errorCode: "400.002.02", errorMessage: "Bad Request - Invalid Password" } };
  return null;
}

function resultBody(tx: FakeTransaction) {
  return {
    Result: {
      ResultType: 0,
      ResultCode: tx.resultCode,
      ResultDesc: tx.resultDesc,
      OriginatorConversationID: tx.originatorConversationId,
      ConversationID: tx.conversationId,
      TransactionID: tx.receipt ?? "",
      ...(tx.receipt
        ? {
            ResultParameters: {
              ResultParameter: [
                { Key: "TransactionAmount", Value: tx.amount },
                { Key: "TransactionReceipt", Value: tx.receipt },
                { Key: "ReceiverPartyPublicName", Value: `${tx.phone} - Test Creator` },
              ],
            },
          }
        : {}),
    },
  };
}

export async function startFakeDaraja(): Promise<FakeDaraja> {
  const requests: RecordedDarajaRequest[] = [];
  const transactions = new Map<string, FakeTransaction>();
  const validTokens = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  const fake: FakeDaraja = {
    url: "",
    requests,
    payments: () => requests.filter((r) => r.path === "/mpesa/b2c/v3/paymentrequest"),
    transactions,
    tokensIssued: 0,
    behaviour: { kind: "succeed" },
    stkPushes: () => requests.filter((r) => r.path === "/mpesa/stkpush/v1/processrequest"),
    stkQueries: () => requests.filter((r) => r.path === "/mpesa/stkpushquery/v1/query"),
    stkTransactions: new Map(),
    stkBehaviour: { kind: "succeed" },
    stkCallbackBody,
    answerDelayMs: 0,
    tokenLifetimeSeconds: 3599,
    revokeTokens: () => validTokens.clear(),
    deliver: async (url, body) => {
      await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    },
    settled: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const later = (url: string, body: object) => {
    const delivery: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 5))
      .then(() => fake.deliver(url, body))
      .catch((error: unknown) => console.warn(`Fake Daraja could not deliver to ${url}: ${String(error)}`))
      .finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  };

  const handle = async (method: string, path: string, headers: http.IncomingHttpHeaders, body: Record<string, unknown>) => {
    if (method === "GET" && path === "/oauth/v1/generate") {
      const expected = `Basic ${Buffer.from(`${CONSUMER_KEY}:${CONSUMER_SECRET}`).toString("base64")}`;
      if (headers.authorization !== expected)
        return { status: 400, body: { errorCode: "400.008.01", errorMessage: "Invalid Authentication passed" } };
      const token = crypto.randomBytes(16).toString("hex");
      validTokens.add(token);
      fake.tokensIssued += 1;
      return { status: 200, body: { access_token: token, expires_in: String(fake.tokenLifetimeSeconds) } };
    }
    const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!bearer || !validTokens.has(bearer))
      return { status: 401, body: { errorCode: "404.001.03", errorMessage: "Invalid Access Token" } };

    if (method === "POST" && path === "/mpesa/b2c/v3/paymentrequest") {
      if (fake.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.answerDelayMs));
      const behaviour = fake.behaviour;
      const originatorConversationId = String(body.OriginatorConversationID);
      const failing = behaviour.kind === "fail";
      const tx: FakeTransaction = {
        originatorConversationId,
        conversationId: `AG_${new Date().toISOString().slice(0, 10).replace(/-/g, "")}_${crypto.randomBytes(10).toString("hex")}`,
        amount: Number(body.Amount),
        phone: String(body.PartyB),
        resultCode: failing ? behaviour.resultCode : 0,
        resultDesc: failing ? (behaviour.resultDesc ?? "The transaction failed.") : "The service request is processed successfully.",
        receipt: failing ? null : crypto.randomBytes(5).toString("hex").toUpperCase(),
      };
      transactions.set(originatorConversationId, tx);
      if (behaviour.kind === "timeout") {
        later(String(body.QueueTimeOutURL), {
          Result: {
            ResultType: 1,
            ResultCode: "SFC_IC0003",
            ResultDesc: "The request timed out while waiting for processing.",
            OriginatorConversationID: originatorConversationId,
            ConversationID: tx.conversationId,
          },
        });
      } else if (behaviour.kind !== "drop") {
        later(String(body.ResultURL), resultBody(tx));
      }
      return {
        status: 200,
        body: {
          ConversationID: tx.conversationId,
          OriginatorConversationID: originatorConversationId,
          ResponseCode: "0",
          ResponseDescription: "Accept the service request successfully.",
        },
      };
    }
    if (method === "POST" && path === "/mpesa/stkpush/v1/processrequest") {
      const invalid = stkCredentialsError(body);
      if (invalid) return invalid;
      const behaviour = fake.stkBehaviour.kind;
      const phone = String(body.PhoneNumber ?? "");
      const field = (name: string, message: string) => ({
        status: 400,
        body: { errorCode: "400.002.02", errorMessage: `Bad Request - Invalid ${name}`, message },
      });
      if (behaviour === "refuse" || !/^254[17]\d{8}$/.test(phone) || body.PartyA !== phone) return field("PhoneNumber", "refused");
      if (!Number.isInteger(body.Amount) || Number(body.Amount) < 1) return field("Amount", "whole shillings");
      if (!["CustomerPayBillOnline", "CustomerBuyGoodsOnline"].includes(String(body.TransactionType))) return field("TransactionType", "");
      if (String(body.AccountReference ?? "").length > 12 || !body.AccountReference) return field("AccountReference", "at most 12");
      if (String(body.TransactionDesc ?? "").length > 13) return field("TransactionDesc", "at most 13");
      if (!/^https:\/\/\S+$/.test(String(body.CallBackURL ?? ""))) return field("CallBackURL", "");
      const result = STK_RESULTS[behaviour];
      const tx: FakeStkTransaction = {
        checkoutRequestId: `ws_CO_${Date.now()}${crypto.randomInt(1_000_000)}`,
        merchantRequestId: `${crypto.randomInt(100_000)}-${crypto.randomInt(100_000_000)}-1`,
        amount: Number(body.Amount),
        phone,
        behaviour,
        resultCode: result.code,
        resultDesc: result.desc,
        receipt: result.code === 0 ? `T${crypto.randomBytes(5).toString("hex").toUpperCase()}` : null,
        callbackUrl: String(body.CallBackURL),
      };
      fake.stkTransactions.set(tx.checkoutRequestId, tx);
      if (behaviour !== "drop" && behaviour !== "processing") later(tx.callbackUrl, stkCallbackBody(tx));
      return {
        status: 200,
        body: {
          MerchantRequestID: tx.merchantRequestId,
          CheckoutRequestID: tx.checkoutRequestId,
          ResponseCode: "0",
          ResponseDescription: "Success. Request accepted for processing",
          CustomerMessage: "Success. Request accepted for processing",
        },
      };
    }
    if (method === "POST" && path === "/mpesa/stkpushquery/v1/query") {
      const invalid = stkCredentialsError(body);
      if (invalid) return invalid;
      const tx = fake.stkTransactions.get(String(body.CheckoutRequestID));
      if (!tx) return { status: 400, body: { errorCode: "400.002.02", errorMessage: "Bad Request - Invalid CheckoutRequestID" } };
      if (tx.behaviour === "processing")
        return {
          status: 500,
          body: { requestId: crypto.randomUUID(), errorCode: "500.001.1001", errorMessage: "The transaction is being processed" },
        };
      return {
        status: 200,
        body: {
          ResponseCode: "0",
          ResponseDescription: "The service request has been accepted successsfully",
          MerchantRequestID: tx.merchantRequestId,
          CheckoutRequestID: tx.checkoutRequestId,
          ResultCode: String(tx.resultCode),
          ResultDesc: tx.resultDesc,
        },
      };
    }
    if (method === "POST" && path === "/mpesa/transactionstatus/v1/query") {
      // The stand-in answers with the result at once; Daraja posts it to the query's ResultURL.
      const tx = transactions.get(String(body.OriginalConversationID));
      if (!tx) return { status: 404, body: { errorCode: "404.001.04", errorMessage: "Transaction not found" } };
      return { status: 200, body: { ResponseCode: "0", ResponseDescription: "Accepted", ...resultBody(tx) } };
    }
    return { status: 404, body: { errorMessage: `No route ${method} ${path}` } };
  };

  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "GET", path: url.pathname, authorization: req.headers.authorization ?? null, body });
      handle(req.method ?? "GET", url.pathname, req.headers, body).then(
        (answer) => {
          res.writeHead(answer.status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(answer.body));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
