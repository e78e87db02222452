import { describe, expect, it } from "vitest";
import { loginPathFor, safeReturnPath } from "./return-path";

describe("the page to return to after signing in", () => {
  it("keeps our own pages, with their query", () => {
    expect(safeReturnPath("/dashboard/payments?status=pending")).toBe("/dashboard/payments?status=pending");
    expect(loginPathFor("/workspace/proposals/abc")).toBe("/login?returnTo=%2Fworkspace%2Fproposals%2Fabc");
  });

  it("refuses what a browser would read as another site, the API and sign-in itself", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "evil",
      "/api/v1/partner/payments",
      "/login",
      "/login?returnTo=/x",
      "/a\nb",
      42,
      undefined,
    ])
      expect(safeReturnPath(value)).toBeNull();
    expect(loginPathFor("//evil.example")).toBe("/login");
    expect(loginPathFor("/")).toBe("/login");
  });
});
