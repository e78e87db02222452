import { expect, test } from "@playwright/test";

test("an admin marks a pending payment received and it leaves the queue", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Payments to verify" })).toBeVisible();

  const items = page.getByTestId("pending-payment");
  const before = await items.count();
  expect(before).toBeGreaterThan(0);
  const first = items.first();
  const reference = (await first.locator(".font-mono").textContent())!.trim();
  await first.getByRole("button", { name: `Mark ${reference} received` }).click();
  await expect(page.getByTestId("pending-payment").filter({ hasText: reference })).toHaveCount(0);
  await expect(items).toHaveCount(before - 1);
  await page.screenshot({ path: "e2e/output/screenshots/admin.png", fullPage: true });
});
