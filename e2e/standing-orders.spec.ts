import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a partner sets up a monthly standing order for a program and pauses it", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/dashboard/payments");
  await page.getByRole("link", { name: "Standing orders", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/standing-orders$/);
  await expect(page.getByRole("heading", { name: "Standing orders", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Set up a standing order" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/standing-orders\/new$/);

  // Nothing filled in: each missing field is named.
  await page.getByRole("button", { name: "Set up standing order" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();

  const description = `Monthly fees ${Date.now()}`;
  await page.getByLabel("Description", { exact: true }).fill(description);
  await page.getByRole("radio", { name: /^A program/ }).check();
  await page.getByLabel("Program", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("radio", { name: /^Bank transfer/ }).check();
  await page.getByLabel("Amount each time").fill("12000");
  await page.getByRole("radio", { name: /^Monthly/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Set up standing order" }).click();

  await expect(page).toHaveURL(/\/dashboard\/payments\/standing-orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: description, level: 1 })).toBeVisible();
  await expect(page.getByTestId("standing-order-status")).toHaveAttribute("data-status", "active");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("confirm-change")).toContainText("Pause this standing order?");
  await page.getByRole("button", { name: "Yes, pause it" }).click();
  await expect(page.getByTestId("standing-order-status")).toHaveAttribute("data-status", "paused");
  await expect(page.getByTestId("standing-order-next-due")).toHaveText("When resumed");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/dashboard/payments/standing-orders");
  const row = page.getByTestId("standing-order-row").filter({ hasText: description });
  await expect(row.getByTestId("standing-order-status")).toHaveAttribute("data-status", "paused");
});
