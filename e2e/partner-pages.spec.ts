import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";
import { formatMoney } from "../lib/format";

const signInAsPartner = (page: Page) => signIn(page, "partner@demo.test", /\/dashboard$/);

test("the programs page lists the partner's programs and opens one", async ({ page }) => {
  await signInAsPartner(page);
  const response = await page.request.get("/api/v1/partner/programs");
  expect(response.status()).toBe(200);
  const { programs } = await response.json();
  // The seed gives this partner three programs; other tests may have added more.
  expect(programs.length).toBeGreaterThanOrEqual(3);

  await page.goto("/dashboard/programs");
  await expect(page.getByRole("heading", { name: "Programs", level: 1 })).toBeVisible();
  const cards = page.getByTestId("program-card");
  await expect(cards).toHaveCount(programs.length);
  for (const program of programs) {
    await expect(page.getByRole("link", { name: program.name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/output/screenshots/programs.png", fullPage: true });

  // The status filter goes into the URL.
  const status = programs[0].status as string;
  const statusLabel = status.charAt(0).toUpperCase() + status.slice(1);
  await page.getByRole("navigation", { name: "Program status" }).getByRole("link", { name: statusLabel, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/programs\\?status=${status}$`));
  await expect(cards).toHaveCount(programs.filter((program: { status: string }) => program.status === status).length);

  await page.getByRole("link", { name: programs[0].name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/programs/${programs[0].id}$`));
  await expect(page.getByRole("heading", { name: programs[0].name, level: 1 })).toBeVisible();
  for (const title of ["Budget used", "Participants by grade", "Participants by county", "Courses", "Milestones", "Eligibility"]) {
    await expect(page.getByRole("region", { name: title })).toBeVisible();
  }
  await expect(page.getByTestId("program-spent")).toHaveText(formatMoney(programs[0].spent, programs[0].currency));

  await page.goto("/dashboard/programs/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Program not found" })).toBeVisible();
});

test("the payments page matches the payments API and links invoice PDFs", async ({ page }) => {
  await signInAsPartner(page);
  const response = await page.request.get("/api/v1/partner/payments");
  expect(response.status()).toBe(200);
  const { payments, summary } = await response.json();
  const currency = payments[0]?.currency ?? "KES";

  await page.goto("/dashboard/payments");
  await expect(page.getByRole("heading", { name: "Payments and invoices", level: 1 })).toBeVisible();
  await expect(page.getByTestId("stat-total_paid")).toHaveText(formatMoney(summary.total_paid, currency));
  await expect(page.getByTestId("stat-pending")).toHaveText(formatMoney(summary.pending, currency));

  const link = page.getByRole("link", { name: /Download PDF/ }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await page.screenshot({ path: "e2e/output/screenshots/payments.png", fullPage: true });

  // Filters go into the URL.
  await page.getByLabel("Status", { exact: true }).selectOption("completed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\?status=completed/);
  const completed = await (await page.request.get("/api/v1/partner/payments?status=completed")).json();
  await expect(page.getByTestId("payment-row")).toHaveCount(completed.payments.length);
});

test("the reports page generates an impact PDF and downloads it", async ({ page }) => {
  await signInAsPartner(page);
  await page.goto("/dashboard/reports");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();

  // An end date before the start date is a field error.
  await page.getByLabel("Start date").fill("2026-03-01");
  await page.getByLabel("End date").fill("2026-02-01");
  await page.getByRole("button", { name: "Generate report" }).click();
  await expect(page.getByText("The end date must not be before the start date.")).toBeVisible();
  await expect(page.getByLabel("End date")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Start date").fill("");
  await page.getByLabel("End date").fill("");
  await page.getByLabel("Impact").check();
  await page.getByLabel("PDF").check();
  await page.getByRole("button", { name: "Generate report" }).click();
  const ready = page.getByTestId("generated-report");
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await expect(ready).toContainText("expires");

  const download = ready.getByRole("link", { name: "Download" });
  const href = await download.getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/partner\/reports\/[0-9a-f-]+\/download$/);
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await page.screenshot({ path: "e2e/output/screenshots/reports.png", fullPage: true });
});
