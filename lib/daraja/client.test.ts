import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDaraja, FAKE_DARAJA_ENV, type FakeDaraja } from "@/tests/fakes/daraja-server";
import { DarajaClient, TOKEN_EXPIRY_MARGIN_MS } from "./client";

let daraja: FakeDaraja;

beforeAll(async () => {
  daraja = await startFakeDaraja();
});
afterAll(() => daraja.close());

function clientAt(start: number) {
  let now = start;
  const client = new DarajaClient({
    baseUrl: daraja.url,
    consumerKey: FAKE_DARAJA_ENV.DARAJA_CONSUMER_KEY,
    consumerSecret: FAKE_DARAJA_ENV.DARAJA_CONSUMER_SECRET,
    now: () => now,
  });
  return { client, advance: (ms: number) => (now += ms) };
}

const query = (client: DarajaClient) =>
  client.post("/mpesa/transactionstatus/v1/query", { OriginalConversationID: "none" }).catch(() => undefined);

describe("Daraja access token", () => {
  it("is reused until shortly before the expiry Daraja states, then fetched again", async () => {
    daraja.tokenLifetimeSeconds = 3599;
    const { client, advance } = clientAt(Date.UTC(2027, 0, 1));
    const first = await client.accessToken();
    expect(await client.accessToken()).toBe(first);
    advance(3599_000 - TOKEN_EXPIRY_MARGIN_MS - 1);
    expect(await client.accessToken()).toBe(first);
    expect(client.tokensFetched).toBe(1);
    advance(1);
    const second = await client.accessToken();
    expect(second).not.toBe(first);
    expect(client.tokensFetched).toBe(2);
    // A day later it is still renewed on time, not kept for ever nor fetched on every call.
    advance(24 * 3600_000);
    await client.accessToken();
    await client.accessToken();
    expect(client.tokensFetched).toBe(3);
  });

  it("shares one token fetch between concurrent callers", async () => {
    const { client } = clientAt(Date.now());
    const tokens = await Promise.all([client.accessToken(), client.accessToken(), client.accessToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(client.tokensFetched).toBe(1);
  });

  it("fetches a new token once when Daraja answers 401, and gives up after that", async () => {
    const { client } = clientAt(Date.now());
    await client.accessToken();
    daraja.revokeTokens();
    const before = daraja.requests.length;
    await query(client);
    expect(client.tokensFetched).toBe(2);
    const paths = daraja.requests.slice(before).map((r) => r.path);
    expect(paths).toEqual(["/mpesa/transactionstatus/v1/query", "/oauth/v1/generate", "/mpesa/transactionstatus/v1/query"]);
  });

  it("sends the consumer key and secret as Basic auth", async () => {
    const client = new DarajaClient({ baseUrl: daraja.url, consumerKey: "wrong", consumerSecret: "wrong" });
    await expect(client.accessToken()).rejects.toThrow(/refused the access token/);
  });
});
