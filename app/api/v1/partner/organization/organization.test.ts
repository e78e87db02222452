import { beforeAll, describe, expect, it } from "vitest";
import { organizationDetailsResponse } from "@/lib/billing/schemas/organization";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET, PUT } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/organization";
let partner: string;

const fields = (body: { detail: Array<{ loc: string[] }> }) => body.detail.map((issue) => issue.loc.join("."));

beforeAll(async () => {
  partner = await tokenFor("partner@demo.test");
});

describe("GET/PUT /partner/organization", () => {
  it("sets the details printed on documents, upper-casing the KRA PIN", async () => {
    const before = organizationDetailsResponse.parse((await call(GET, URL, { token: partner })).body);
    const res = await call(PUT, URL, {
      method: "PUT",
      token: partner,
      body: {
        legal_name: "  Elimu Bora Foundation Trust  ",
        address: "P.O. Box 47000-00100, Nairobi",
        kra_pin: "p051234567x",
        billing_email: "finance@elimubora.test",
      },
    });
    expect(res.status).toBe(200);
    expect(organizationDetailsResponse.parse(res.body)).toEqual({
      ...before,
      legal_name: "Elimu Bora Foundation Trust",
      address: "P.O. Box 47000-00100, Nairobi",
      kra_pin: "P051234567X",
      billing_email: "finance@elimubora.test",
    });
    // Left out stays; empty clears.
    const cleared = await call(PUT, URL, { method: "PUT", token: partner, body: { billing_email: "" } });
    expect(cleared.body).toMatchObject({ legal_name: "Elimu Bora Foundation Trust", kra_pin: "P051234567X", billing_email: null });
    expect((await call(GET, URL, { token: partner })).body).toEqual(cleared.body);
  });

  it("refuses a malformed KRA PIN or email with 422", async () => {
    for (const kra_pin of ["P05123456X", "1051234567X", "P0512345678", "P051234567XX"]) {
      const res = await call(PUT, URL, { method: "PUT", token: partner, body: { kra_pin } });
      expect(res.status, kra_pin).toBe(422);
      expect(fields(res.body)).toEqual(["body.kra_pin"]);
    }
    const email = await call(PUT, URL, { method: "PUT", token: partner, body: { billing_email: "not-an-email" } });
    expect(fields(email.body)).toEqual(["body.billing_email"]);
    const long = await call(PUT, URL, { method: "PUT", token: partner, body: { legal_name: "x".repeat(201) } });
    expect(fields(long.body)).toEqual(["body.legal_name"]);
  });

  it("is for partners only", async () => {
    expect((await call(GET, URL)).status).toBe(401);
    const admin = await tokenFor("admin@demo.test");
    expect((await call(GET, URL, { token: admin })).status).toBe(403);
    expect((await call(PUT, URL, { method: "PUT", token: admin, body: {} })).status).toBe(403);
  });
});
