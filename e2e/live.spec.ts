/**
 * Two parties in two browsers, neither reloading: each sees the other's proposal, answer,
 * contract and signature appear by itself, and "Needs your action" lists what is theirs
 * to answer until they answer it.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";
import { compose, proposalIdOf, PROPOSAL_URL, signContractAs, signInAs, UUID } from "./support/workspace";

test("a brand and a creator see each other's actions without reloading", async ({ browser }) => {
  test.setTimeout(180_000);
  const creator = await signInAs(browser, "creator@demo.test");
  const brand = await signInAs(browser, "brand@demo.test");
  await expect(creator.getByRole("heading", { name: "Needs your action" })).toBeVisible();

  // The brand sends a proposal; it appears on the creator's open workspace as something to answer.
  await brand.getByRole("link", { name: "New proposal" }).click();
  await compose(brand, { recipient: "Amani Wekesa", description: "Live-update tasting reel", amount: "900" });
  await brand.getByTestId("proposal-composer").getByRole("button", { name: "Send", exact: true }).click();
  await expect(brand).toHaveURL(PROPOSAL_URL);
  const proposalId = proposalIdOf(brand);
  const proposalItem = creator.getByTestId("action-item").filter({ has: creator.locator(`a[href="/workspace/proposals/${proposalId}"]`) });
  await expect(proposalItem).toContainText("sent you a proposal");
  await expect(proposalItem.getByRole("link")).toHaveText("Answer the proposal");

  // The creator accepts; the brand's open proposal page shows it, with the way to the partnership.
  await proposalItem.getByRole("link").click();
  await expect(creator).toHaveURL(new RegExp(`/workspace/proposals/${proposalId}$`));
  await creator.getByTestId("recipient-actions").getByRole("button", { name: "Accept", exact: true }).click();
  await expect(creator.getByTestId("form-success")).toContainText("Proposal accepted");
  await expect(brand.getByTestId("proposal-status")).toHaveAttribute("data-status", "accepted");
  await expect(brand.getByTestId("live-status")).toContainText("Updated at");
  await brand.getByTestId("partnership-link").click();
  await expect(brand).toHaveURL(new RegExp(`/workspace/partnerships/${UUID}$`));
  const partnershipUrl = new URL(brand.url()).pathname;

  // Answered: the proposal is no longer on the creator's list.
  await creator.goto("/workspace");
  await expect(creator.locator(`[data-testid="action-item"] a[href="/workspace/proposals/${proposalId}"]`)).toHaveCount(0);

  // The brand sends the contract; the creator's open workspace asks them to sign it.
  await brand.getByRole("button", { name: "Generate contract" }).click();
  await brand.getByRole("button", { name: "Send for signature" }).click();
  await expect(brand.getByTestId("contract-status")).toHaveAttribute("data-status", "sent");
  const contractItem = creator.getByTestId("action-item").filter({ has: creator.locator(`a[href="${partnershipUrl}"]`) });
  await expect(contractItem.getByRole("link")).toHaveText("Sign or reject the contract");

  // Both on the partnership page: each signature appears on the other's screen by itself.
  await contractItem.getByRole("link").click();
  await expect(creator).toHaveURL(new RegExp(`${partnershipUrl}$`));
  await signContractAs(creator, "Amani Wekesa");
  await expect(creator.getByTestId("signature-creator")).toContainText("Signed by");
  await expect(brand.getByTestId("signature-creator")).toContainText("Signed by");
  await signContractAs(brand, "Achieng Odhiambo");
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "active");
  await expect(creator.getByTestId("partnership-status")).toHaveText("Active");

  await creator.goto("/workspace");
  await expect(creator.locator(`[data-testid="action-item"] a[href="${partnershipUrl}"]`)).toHaveCount(0);
});

test("signing in from a link returns to the page asked for, and only to one of ours", async ({ page }) => {
  await page.goto("/dashboard/payments?status=pending");
  await expect(page).toHaveURL(/\/login\?returnTo=%2Fdashboard%2Fpayments%3Fstatus%3Dpending$/);
  await page.getByLabel("Email").fill("partner@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\?status=pending$/);

  // A link that would send the reader to another site lands on their own home instead.
  await page.context().clearCookies();
  await page.goto("/login?returnTo=//evil.example/steal");
  await page.getByLabel("Email").fill("partner@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("an unknown page says so and offers the way back; the favicon is served", async ({ page, request }) => {
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
});

test("the card provider's script is not loaded where card payments are not configured", async ({ page }) => {
  const stripeRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("stripe.com")) stripeRequests.push(request.url());
  });
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/dashboard/payments/new");
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.locator('script[src*="js.stripe.com"]').count()).toBe(0);
  expect(stripeRequests).toEqual([]);
});
