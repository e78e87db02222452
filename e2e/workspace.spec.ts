import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

const signInTo = (page: Page, email: string) => signIn(page, email, /\/workspace$/);

test("a brand sees its partnerships and proposals, and opens a partnership", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  await expect(page.getByRole("heading", { name: "Partnerships workspace", level: 1 })).toBeVisible();

  // Partnerships with the other party, compensation and deliverable progress.
  const partnerships = page.getByRole("list", { name: "Partnerships" });
  await expect(partnerships.getByTestId("partnership-row").first()).toBeVisible();
  const completed = partnerships.getByTestId("partnership-row").filter({ hasText: "Back-to-School Refresh" });
  await expect(completed).toContainText("Amani Wekesa");
  await expect(completed).toContainText("$2,400");
  await expect(completed).toContainText("3/3 deliverables approved");
  await expect(completed).toContainText("Completed");

  // Proposals, split by direction.
  await expect(page.getByRole("heading", { name: /^Received/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Sent/ })).toBeVisible();
  const received = page.getByRole("list", { name: "Received proposals" });
  const sent = page.getByRole("list", { name: "Sent proposals" });
  await expect(received.getByTestId("proposal-row").filter({ hasText: "From Amani Wekesa" }).first()).toBeVisible();
  await expect(sent.getByTestId("proposal-row").filter({ hasText: "To Njeri Mwangi" }).first()).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/workspace.png", fullPage: true });

  // The status filter lives in the URL.
  await page.getByRole("navigation", { name: "Filter proposals by status" }).getByRole("link", { name: "Sent", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace\?status=sent$/);
  await expect(received.getByTestId("proposal-row")).not.toHaveCount(0);
  for (const badge of await page.getByTestId("proposal-row").locator("[data-status]").all()) {
    await expect(badge).toHaveAttribute("data-status", "sent");
  }
  await page.goto("/workspace?status=draft");
  await expect(page.getByText("No received proposals with status “Draft”")).toBeVisible();

  // One partnership in detail.
  await page.goto("/workspace");
  await completed.getByRole("link", { name: "Amani Wekesa" }).click();
  await expect(page).toHaveURL(/\/workspace\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Partnership with Amani Wekesa", level: 1 })).toBeVisible();
  await expect(page.getByTestId("deliverable")).toHaveCount(3);
  await expect(page.getByTestId("deliverable").first()).toContainText("Approved");
  await expect(page.getByTestId("payment-row")).not.toHaveCount(0);
  await expect(page.getByTestId("payment-row").first()).toContainText("Initial");
  await expect(page.getByTestId("compensation")).toHaveText("$2,400.00");
  const notice = page.getByTestId("sandbox-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "note");
  await expect(notice).toContainText("Sandbox payments: no real money moves");
  await expect(page.getByRole("link", { name: "Signed contract PDF with audit certificate" })).toHaveAttribute(
    "href",
    /\/api\/partnerships\/[0-9a-f-]{36}\/contract\/document\?version=signed$/,
  );
  await expect(page.getByRole("link", { name: "Contract PDF as sent for signature" })).toHaveAttribute(
    "href",
    /\/api\/partnerships\/[0-9a-f-]{36}\/contract\/document\?version=sent$/,
  );
  await expect(page.getByTestId("contract-signed-sha256")).toHaveText(/^SHA-256 [0-9a-f]{64}$/);
  await expect(page.getByTestId("activity-item").first()).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/partnership.png", fullPage: true });
});

test("a creator who is not a party sees only “Partnership not found”", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  const list = await page.request.get("/api/partnerships?limit=100");
  expect(list.status()).toBe(200);
  const { partnerships } = (await list.json()) as { partnerships: Array<{ id: string; creatorName: string; brandName: string }> };
  const target = partnerships.find((p) => p.creatorName === "Amani Wekesa");
  expect(target).toBeDefined();
  const detail = await page.request.get(`/api/partnerships/${target!.id}`);
  expect(detail.status()).toBe(200);
  const descriptions = ((await detail.json()) as { deliverables: Array<{ description: string }> }).deliverables.map((d) => d.description);
  expect(descriptions.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInTo(page, "creator2@demo.test");
  for (const path of [`/workspace/partnerships/${target!.id}`, "/workspace/partnerships/not-a-uuid"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Partnership not found" })).toBeVisible();
    const text = await page.locator("body").innerText();
    for (const secret of ["Amani Wekesa", "Savanna Beverages", "Achieng Odhiambo", target!.brandName, ...descriptions]) {
      expect(text).not.toContain(secret);
    }
    await expect(page.getByTestId("deliverable")).toHaveCount(0);
    await expect(page.getByTestId("payment-row")).toHaveCount(0);
    await expect(page.getByTestId("sandbox-notice")).toHaveCount(0);
    await expect(page).toHaveTitle(/^(?!.*(Amani|Savanna)).*$/);
  }
  await page.goto(`/workspace/partnerships/${target!.id}`);
  await page.screenshot({ path: "e2e/output/screenshots/partnership-not-found.png", fullPage: true });
});
