import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/partner/openapi.json/route";

/** Every route file under `dir`, as [OpenAPI path, exported HTTP methods]. */
function routes(dir: string): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) =>
          m[1].toLowerCase(),
        );
        const url =
          "/" +
          path
            .relative("app", path.dirname(full))
            .split(path.sep)
            .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
        found.push([url, methods]);
      }
    }
  };
  walk(dir);
  return found;
}

describe("partner API OpenAPI document", () => {
  it("is served as OpenAPI 3.1 and documents every route of the API", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.description).toContain("Score improvement");
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([url, ops]) =>
        Object.keys(ops).map((m) => `${m} ${url}`),
      ),
    );
    const actual = [
      ...routes("app/api/v1/partner"),
      ...routes("app/api/v1/admin"),
      ...routes("app/api/v1/payments"),
      ...routes("app/api/v1/auth"),
    ]
      .filter(([url]) => !url.endsWith("openapi.json"))
      .flatMap(([url, methods]) => methods.map((m) => `${m} ${url}`));
    expect(actual.length).toBeGreaterThanOrEqual(20);
    for (const operation of actual) expect(documented, operation).toContain(operation);
  });

  it("describes query parameters with their allowed values and bounds", async () => {
    const doc = await GET().json();
    const params = doc.paths["/api/v1/partner/sponsorships"].get.parameters;
    const byName = Object.fromEntries(params.map((p: { name: string }) => [p.name, p]));
    expect(byName.limit.schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(byName.sort_by.schema.enum).toEqual(["created_at", "student_name", "amount", "end_date"]);
    const post = doc.paths["/api/v1/partner/payments"].post;
    expect(post.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(post.requestBody.content["application/json"].schema.properties.method.enum).toEqual([
      "mpesa",
      "bank_transfer",
      "paypal",
      "stripe",
    ]);
  });
});

describe("partnerships API OpenAPI document", () => {
  it("is served as OpenAPI 3.1 and documents every route of the API", async () => {
    const { GET: partnershipsDoc } = await import("@/app/api/partnerships/openapi.json/route");
    const doc = await partnershipsDoc().json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain("invalid_state");
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([url, ops]) =>
        Object.keys(ops).map((m) => `${m} ${url}`),
      ),
    );
    const actual = [...routes("app/api/partnerships"), ...routes("app/api/webhooks")]
      .filter(([url]) => !url.endsWith("openapi.json"))
      .flatMap(([url, methods]) => methods.map((m) => `${m} ${url}`));
    expect(actual.length).toBeGreaterThanOrEqual(25);
    for (const operation of actual) expect(documented, operation).toContain(operation);
  });
});
