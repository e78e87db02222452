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
  // A second click confirms, after saying what the mark does; cancelling leaves the payment as it was.
  await expect(first.getByRole("group", { name: `Confirm ${reference}` })).toContainText("cannot be undone");
  await first.getByRole("button", { name: "Cancel" }).click();
  await expect(first.getByRole("group", { name: `Confirm ${reference}` })).toHaveCount(0);
  await first.getByRole("button", { name: `Mark ${reference} received` }).click();
  await first.getByRole("button", { name: `Confirm: mark ${reference} received` }).click();
  await expect(page.getByTestId("pending-payment").filter({ hasText: reference })).toHaveCount(0);
  // The card is gone, and the page says what became of the payment.
  await expect(page.getByTestId("marked-result")).toContainText(`Payment ${reference}`);
  await expect(page.getByTestId("marked-result")).toContainText("is now completed");
  await expect(items).toHaveCount(before - 1);
  await page.screenshot({ path: "e2e/output/screenshots/admin.png", fullPage: true });
});

test("an admin says what was done with M-Pesa money no payment counts, and it leaves the list", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const section = page.getByTestId("unapplied-money");
  await expect(section.getByRole("heading", { name: "M-Pesa money to settle by hand" })).toBeVisible();
  const item = section.getByTestId("unapplied-money-item").filter({ hasText: "TKS0DEMO01" });
  await expect(item).toContainText('names no payment (account number "ELIMU SCHOOL FEES")');
  await expect(item).toContainText("3,500");

  // A note is required: the error names the field, and nothing changes.
  await item.getByRole("button", { name: "Mark settled" }).click();
  await expect(item.getByText("Required.")).toBeVisible();
  await item.getByLabel("What was done with it").fill("Reversed to the payer, M-Pesa reversal QKX0DEMO01");
  await item.getByRole("button", { name: "Mark settled" }).click();
  await expect(section.getByTestId("unapplied-money-item").filter({ hasText: "TKS0DEMO01" })).toHaveCount(0);
});
