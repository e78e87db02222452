import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a partner follows a sandbox M-Pesa payment on its page until it completes, without reloading", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/dashboard/payments/new");
  await page.getByRole("radio", { name: /^M-Pesa/ }).check();
  await page.getByLabel("Amount", { exact: true }).fill("2500");
  await page.getByLabel("M-Pesa phone number").fill("0712 345 678");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-next-steps")).toBeVisible();
  const reference = (await page.getByTestId("payment-reference").textContent())!;

  await page.getByTestId("payment-page-link").click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `Payment ${reference}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("sandbox-label")).toContainText("Sandbox payment: no real money moves");
  const status = page.getByTestId("payment-status");
  await expect(status).toHaveAttribute("data-status", "pending");
  await expect(status).toContainText("Waiting for the M-Pesa prompt to be answered");
  await expectNoAxeViolations(page);

  // Answering the simulated phone settles the payment; the page sees it on its next poll.
  // A marker on the window survives anything but a reload.
  await page.evaluate(() => ((window as unknown as { stillThisDocument: boolean }).stillThisDocument = true));
  await page.getByTestId("mpesa-sandbox-prompt").getByRole("button", { name: "Approve: enter PIN" }).click();
  await expect(status).toHaveAttribute("data-status", "completed", { timeout: 15_000 });
  await expect(status).toContainText("Paid");
  await expect(status).toContainText(/M-Pesa receipt SBX[0-9A-F]{8}/);
  await expect(page.getByTestId("payment-receipt")).toHaveText(/^SBX[0-9A-F]{8}$/);
  expect(await page.evaluate(() => (window as unknown as { stillThisDocument?: boolean }).stillThisDocument)).toBe(true);
  await page.screenshot({ path: "e2e/output/screenshots/payment-status-completed.png", fullPage: true });

  // The payments list links to the payment's page.
  await page.goto("/dashboard/payments");
  await page.getByTestId("payment-row").filter({ hasText: reference }).getByTestId("payment-link").click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "completed");
});

test("a bank transfer's page shows where to send the money and the reference to quote", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/dashboard/payments/new");
  await page.getByRole("radio", { name: /^Bank transfer/ }).check();
  await page.getByLabel("Amount", { exact: true }).fill("1200");
  await page.getByRole("button", { name: /^Pay / }).click();
  const reference = (await page.getByTestId("payment-reference").textContent())!;
  await page.getByTestId("payment-page-link").click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
  const instructions = page.getByTestId("payment-instructions");
  await expect(instructions.getByTestId("reference-to-quote")).toHaveText(reference);
  await expect(instructions.getByTestId("bank-transfer-instructions")).toContainText("Account number");
  await expectNoAxeViolations(page);
});
