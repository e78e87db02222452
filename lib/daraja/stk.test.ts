import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAKE_DARAJA_ENV, startFakeDaraja, type FakeDaraja } from "@/tests/fakes/daraja-server";
import { callbackSender } from "./callback-guard";
import { DarajaClient, DarajaError } from "./client";
import { stkConfig, type StkConfig } from "./config";
import { darajaTimestamp, queryStkStatus, requestStkPush, stkAccountReference, stkCallbackUrl, stkPassword } from "./stk";

describe("STK push Password and Timestamp", () => {
  it("writes the Timestamp in Nairobi time (UTC+3), across midnight and the new year", () => {
    expect(darajaTimestamp(new Date("2026-12-02T10:15:30.999Z"))).toBe("20261202131530");
    expect(darajaTimestamp(new Date("2026-12-31T21:00:00Z"))).toBe("20270101000000");
    expect(darajaTimestamp(new Date("2026-06-30T20:59:59Z"))).toBe("20260630235959");
  });

  it("is base64 of shortcode, passkey and timestamp (Safaricom's published sandbox example)", () => {
    const passkey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    const password = stkPassword("174379", passkey, "20160216165627");
    expect(password).toBe(Buffer.from(`174379${passkey}20160216165627`).toString("base64"));
    expect(password).toBe(
      "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3",
    );
  });

  it("keeps AccountReference within 12 letters and digits", () => {
    expect(stkAccountReference("MP_20261202_A1B2C3")).toBe("MP20261202A1B2C3".slice(0, 2) + "20261202A1B2C3".slice(-10));
    expect(stkAccountReference("MP_20261202_A1B2C3")).toHaveLength(12);
    expect(stkAccountReference("MP_A1B2C3")).toBe("MPA1B2C3");
  });
});

describe("stkConfig", () => {
  const names = [
    "DARAJA_STK_SHORTCODE",
    "DARAJA_PASSKEY",
    "DARAJA_CALLBACK_BASE_URL",
    "DARAJA_CALLBACK_TOKEN",
    "DARAJA_STK_TRANSACTION_TYPE",
    "DARAJA_STK_PARTY_B",
    "DARAJA_STK_QUERY_AFTER_SECONDS",
  ];
  afterEach(() => names.forEach((name) => delete process.env[name]));

  it("names what is missing", () => {
    expect(stkConfig()).toEqual({
      missing: ["DARAJA_STK_SHORTCODE", "DARAJA_PASSKEY", "DARAJA_CALLBACK_BASE_URL", "DARAJA_CALLBACK_TOKEN"],
    });
  });

  it("defaults to a Paybill paid to its own shortcode, and needs a till for Buy Goods", () => {
    Object.assign(process.env, {
      DARAJA_STK_SHORTCODE: "174379",
      DARAJA_PASSKEY: "key",
      DARAJA_CALLBACK_BASE_URL: "https://harambee.test/",
      DARAJA_CALLBACK_TOKEN: "tok en",
    });
    const paybill = stkConfig() as StkConfig;
    expect(paybill).toMatchObject({ transactionType: "CustomerPayBillOnline", partyB: "174379", queryAfterSeconds: 120 });
    expect(stkCallbackUrl(paybill)).toBe("https://harambee.test/api/v1/payments/mpesa/callback/tok%20en");
    process.env.DARAJA_STK_TRANSACTION_TYPE = "CustomerBuyGoodsOnline";
    expect(stkConfig()).toEqual({ missing: ["DARAJA_STK_PARTY_B"] });
    process.env.DARAJA_STK_PARTY_B = "5566778";
    process.env.DARAJA_STK_QUERY_AFTER_SECONDS = "30";
    expect(stkConfig()).toMatchObject({ transactionType: "CustomerBuyGoodsOnline", partyB: "5566778", queryAfterSeconds: 30 });
    process.env.DARAJA_STK_TRANSACTION_TYPE = "CustomerPayBill";
    expect(stkConfig()).toEqual({ missing: ["DARAJA_STK_TRANSACTION_TYPE"] });
  });
});

describe("callback sender", () => {
  it("is the peer, unless the peer is a trusted proxy: then the right-most forwarded entry that is not", () => {
    expect(callbackSender({ peer: "196.201.214.200", forwardedFor: "10.9.9.9", trusted: [] })).toBe("196.201.214.200");
    expect(callbackSender({ peer: "::ffff:10.0.0.1", forwardedFor: "6.6.6.6, 196.201.214.200", trusted: ["10.0.0.1"] })).toBe(
      "196.201.214.200",
    );
    expect(callbackSender({ peer: "10.0.0.1", forwardedFor: "196.201.214.200, 10.0.0.2", trusted: ["10.0.0.1", "10.0.0.2"] })).toBe(
      "196.201.214.200",
    );
    expect(callbackSender({ peer: "10.0.0.1", forwardedFor: null, trusted: ["10.0.0.1"] })).toBe("10.0.0.1");
  });

  it("is unknown when the runtime gives no peer, whatever X-Forwarded-For claims", () => {
    expect(callbackSender({ peer: null, forwardedFor: "196.201.214.200", trusted: [] })).toBeNull();
    expect(callbackSender({ peer: "unknown", forwardedFor: "196.201.214.200", trusted: ["unknown"] })).toBeNull();
  });
});

describe("STK push and STK Query against the Daraja stand-in", () => {
  let daraja: FakeDaraja;
  let client: DarajaClient;
  const config: StkConfig = {
    shortcode: FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
    passkey: FAKE_DARAJA_ENV.DARAJA_PASSKEY,
    transactionType: "CustomerPayBillOnline",
    partyB: FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
    callbackBaseUrl: "https://harambee.test",
    callbackToken: "t",
    queryAfterSeconds: 120,
  };
  beforeAll(async () => {
    daraja = await startFakeDaraja();
    daraja.deliver = async () => {};
    client = new DarajaClient({
      baseUrl: daraja.url,
      consumerKey: FAKE_DARAJA_ENV.DARAJA_CONSUMER_KEY,
      consumerSecret: FAKE_DARAJA_ENV.DARAJA_CONSUMER_SECRET,
    });
  });
  afterAll(async () => {
    await daraja.settled();
    await daraja.close();
  });
  const push = (phone = "254712345678") =>
    requestStkPush(client, config, { amountKes: 50, phone, accountReference: "MPA1B2C3", description: "Sponsorship", now: new Date() });

  it("sends the request Daraja expects, and queries the outcome with one cached token", async () => {
    daraja.stkBehaviour = { kind: "drop" };
    const accepted = await push();
    const [request] = daraja.stkPushes();
    expect(request!.body).toMatchObject({
      BusinessShortCode: "174379",
      TransactionType: "CustomerPayBillOnline",
      Amount: 50,
      PartyA: "254712345678",
      PartyB: "174379",
      PhoneNumber: "254712345678",
      CallBackURL: "https://harambee.test/api/v1/payments/mpesa/callback/t",
      AccountReference: "MPA1B2C3",
      TransactionDesc: "Sponsorship",
    });
    const answer = await queryStkStatus(client, config, accepted.CheckoutRequestID, new Date());
    expect(answer).toMatchObject({ state: "final", resultCode: 0 });
    expect(client.tokensFetched).toBe(1);
  });

  it("reads 500.001.1001 as still processing, and a refused push as an error", async () => {
    daraja.stkBehaviour = { kind: "processing" };
    const accepted = await push();
    expect(await queryStkStatus(client, config, accepted.CheckoutRequestID, new Date())).toEqual({ state: "processing" });
    daraja.stkBehaviour = { kind: "cancel" };
    const cancelled = await push();
    expect(await queryStkStatus(client, config, cancelled.CheckoutRequestID, new Date())).toMatchObject({
      state: "final",
      resultCode: 1032,
    });
    await expect(push("0712345678")).rejects.toBeInstanceOf(DarajaError);
  });
});
