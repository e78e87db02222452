import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("an owner invites a board member by link; they join with read-only access", async ({ page, browser }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team of Elimu Bora Foundation", level: 1 })).toBeVisible();
  const members = page.getByTestId("team-member");
  await expect(members.filter({ hasText: "finance@demo.test" }).getByTestId("member-role")).toHaveText("Finance");
  await expect(members.filter({ hasText: "board@demo.test" }).getByTestId("member-role")).toHaveText("Viewer");
  const axe = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // A wrong address is refused next to the field; a right one gives the link.
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("must be an email address")).toBeVisible();
  await page.getByLabel("Email").fill("trustee@e2e.test");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const url = (await page.getByTestId("invitation-url").textContent())!.trim();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("open-invitation").filter({ hasText: "trustee@e2e.test" })).toBeVisible();

  // The invitee opens the link in their own browser and joins.
  const invitee = await browser.newContext();
  const theirs = await invitee.newPage();
  await theirs.goto(new URL(url).pathname);
  await expect(theirs.getByRole("heading", { name: "Join Elimu Bora Foundation" })).toBeVisible();
  await expect(theirs.getByLabel("Email")).toHaveValue("trustee@e2e.test");
  await theirs.getByLabel("Your full name").fill("Joseph Kiprono");
  await theirs.getByLabel("Choose a password").fill("short");
  await theirs.getByRole("button", { name: "Join" }).click();
  await expect(theirs.getByText("must be at least 10 characters")).toBeVisible();
  await theirs.getByLabel("Choose a password").fill("trustee-password-1");
  await theirs.getByRole("button", { name: "Join" }).click();
  await expect(theirs).toHaveURL(/\/dashboard$/);
  await expect(theirs.getByRole("link", { name: /Joseph Kiprono/ })).toContainText("partner · viewer");

  // A viewer sees the team but cannot change it; the link does not work twice.
  await theirs.goto("/team");
  await expect(theirs.getByTestId("team-member").filter({ hasText: "trustee@e2e.test" }).getByTestId("member-role")).toHaveText("Viewer");
  await expect(theirs.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await theirs.goto("/dashboard/payments");
  await expect(theirs.getByRole("link", { name: "Make a payment" })).toHaveCount(0);
  await theirs.goto("/dashboard/payments/new");
  await expect(theirs.getByTestId("role-refusal")).toContainText("Your role (viewer) cannot handle this organisation's money");
  await invitee.close();
  const again = await browser.newPage();
  await again.goto(new URL(url).pathname);
  await expect(again.getByTestId("invitation-problem")).toHaveText("This invitation has been accepted already: sign in instead");
  await again.close();

  // The owner sees the new member, and the invitation is no longer open.
  await page.reload();
  await expect(members.filter({ hasText: "trustee@e2e.test" })).toBeVisible();
  await expect(page.getByTestId("open-invitation").filter({ hasText: "trustee@e2e.test" })).toHaveCount(0);
  await page.screenshot({ path: "e2e/output/screenshots/team.png", fullPage: true });
});

test("an owner makes an API key that reads payments, sees it used, and revokes it", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/team");
  const keys = page.getByRole("region", { name: "API keys" });
  await keys.getByLabel("Key name").fill("Accounting sync");
  await keys.getByRole("checkbox", { name: /^payments:read/ }).check();
  await keys.getByRole("button", { name: "Make key" }).click();
  const key = (await keys.getByTestId("api-key-value").textContent())!.trim();
  expect(key).toMatch(/^hmb_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);

  const payments = await page.request.get("/api/v1/partner/payments", { headers: { Authorization: `Bearer ${key}` } });
  expect(payments.status()).toBe(200);
  const write = await page.request.post("/api/v1/partner/payments", {
    headers: { Authorization: `Bearer ${key}` },
    data: { amount: 100, method: "bank_transfer" },
  });
  expect(write.status()).toBe(403);

  await page.reload();
  const row = page.getByTestId("api-key").filter({ hasText: "Accounting sync" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("last used");
  await row.getByRole("button", { name: "Revoke Accounting sync" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("revoked");
  const after = await page.request.get("/api/v1/partner/payments", { headers: { Authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
});
