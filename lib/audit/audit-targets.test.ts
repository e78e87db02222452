/** How an audit row names a request: the route template, the ids a form named, and the CSV cells. */
import { describe, expect, it } from "vitest";
import { csvCell } from "../csv";
import { formTarget, routeTemplate } from "./audit-targets";

const P = "7b0e9f8e-3a51-4c1b-9d33-2f4a0e6c1d11";
const Q = "0c2d4e6f-8a1b-4c3d-9e5f-a7b9c1d3e5f7";

describe("routeTemplate", () => {
  it("names each parameter in place of its value", () => {
    expect(routeTemplate(`/api/partnerships/${P}/payments/${Q}/release`, { partnershipId: P, paymentId: Q })).toBe(
      "/api/partnerships/{partnershipId}/payments/{paymentId}/release",
    );
    expect(routeTemplate("/api/v1/partner/programs", {})).toBe("/api/v1/partner/programs");
  });

  it("matches parameters from the right, so a value that spells a literal segment before it is left alone", () => {
    expect(routeTemplate("/api/v1/partner/programs/programs/targets", { id: "programs" })).toBe("/api/v1/partner/programs/{id}/targets");
    expect(routeTemplate(`/api/x/${P}/y/${P}`, { a: P, b: P })).toBe("/api/x/{a}/y/{b}");
  });

  it("reads encoded segments and catch-all parameters", () => {
    expect(routeTemplate("/api/files/a%20b", { name: "a b" })).toBe("/api/files/{name}");
    expect(routeTemplate("/api/v1/files/2026/report.pdf", { parts: ["2026", "report.pdf"] })).toBe("/api/v1/files/{parts}");
    expect(routeTemplate("/api/files/%E0%A4%A", { name: "x" })).toBe("/api/files/%E0%A4%A");
  });
});

describe("formTarget", () => {
  it("takes a UUID given alone as {id}", () => {
    expect(formTarget(P)).toEqual({ id: P });
    expect(formTarget("not an id")).toEqual({});
  });

  it("takes an object's string fields named id, …Id or …_id", () => {
    expect(formTarget({ id: P, partnershipId: Q, student_id: P, name: "Launch post", identity: "x", amount: 5, programIds: [P] })).toEqual({
      id: P,
      partnershipId: Q,
      student_id: P,
    });
    expect(formTarget(undefined)).toEqual({});
    expect(formTarget([P])).toEqual({});
  });
});

describe("csvCell", () => {
  it("quotes as RFC 4180 asks and neutralises formulas", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+254700000000")).toBe("'+254700000000");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(403)).toBe("403");
    expect(csvCell(false)).toBe("false");
  });
});
