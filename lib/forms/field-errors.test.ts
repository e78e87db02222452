import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiFieldErrors, zodFieldErrors } from "./field-errors";

const schema = z.object({
  url: z.url({ protocol: /^https$/, error: "must be an https URL" }),
  dueDate: z.union([z.iso.date(), z.iso.datetime()]),
  amount: z.number().positive(),
  items: z.array(z.object({ title: z.string().min(1) })).min(1),
});

describe("zodFieldErrors", () => {
  it("says a blank field is required, whatever its schema", () => {
    const input = { url: "", dueDate: "", amount: undefined, items: [] };
    const errors = zodFieldErrors(schema.safeParse(input).error!, input);
    expect(errors).toEqual({ url: "Required.", dueDate: "Required.", amount: "Required.", items: "Add at least one." });
  });

  it("keeps the schema's message, as a sentence, for a filled-in field", () => {
    const input = { url: "http://example.com", dueDate: "2027-01-01", amount: -5, items: [{ title: "" }] };
    const errors = zodFieldErrors(schema.safeParse(input).error!, input);
    expect(errors.url).toBe("Must be an https URL.");
    expect(errors.amount).toMatch(/^Too small/);
    expect(errors["items.0.title"]).toBe("Required.");
    expect(errors.dueDate).toBeUndefined();
  });
});

describe("apiFieldErrors", () => {
  it("drops the request location from the path and keeps the first message per field", () => {
    expect(
      apiFieldErrors([
        { path: "body.amount", message: "must equal the scheduled amount 700", type: "amount_mismatch" },
        { path: "body.amount", message: "second", type: "x" },
        { path: "query.start_date", message: "must not be in the future", type: "custom" },
        { path: "body", message: "Malformed JSON", type: "invalid_json" },
      ]),
    ).toEqual({ amount: "Must equal the scheduled amount 700.", start_date: "Must not be in the future.", form: "Malformed JSON." });
  });
});
