import { expect, test } from "@playwright/test";

test("the API reference is browsable at /docs and matches the OpenAPI document", async ({ page, request }) => {
  const openapi = await (await request.get("/api/v1/partner/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "Harambee API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Harambee Partner Dashboard API/ })).toBeVisible();
  for (const path of Object.keys(openapi.paths)) {
    await expect(page.getByText(path, { exact: true }).first()).toBeVisible();
  }
  await page.screenshot({ path: "e2e/output/screenshots/docs.png" });
});
