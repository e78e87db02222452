import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";
import { compose, proposalIdOf, PROPOSAL_URL, UUID } from "./support/workspace";

test.describe.configure({ mode: "serial" });

const signInTo = (page: Page, email: string) => signIn(page, email, /\/workspace$/);

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function sentCount(page: Page): Promise<number> {
  const res = await page.request.get("/api/partnerships/proposals?role=sender&limit=1");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { pagination: { total: number } }).pagination.total;
}

let originalId = "";
let counterId = "";

test("an empty composer shows field errors next to the fields and creates nothing", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  const before = await sentCount(page);
  await page.getByRole("link", { name: "New proposal" }).click();
  await expect(page).toHaveURL(/\/workspace\/proposals\/new$/);
  await expect(page.getByRole("heading", { name: "New proposal", level: 1 })).toBeVisible();

  const composer = page.getByTestId("proposal-composer");
  await composer.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Please correct the highlighted fields.");
  await expect(composer.getByLabel("Recipient")).toHaveAttribute("aria-invalid", "true");
  await expect(composer.getByLabel("Recipient")).toBeFocused();
  const row = composer.getByTestId("deliverable-row").first();
  for (const label of ["Type", "Description", "Due date"]) await expect(row.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  for (const label of ["Amount", "Start date", "End date"])
    await expect(composer.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  await expect(composer.getByLabel("Amount")).toHaveAccessibleDescription(/Required\./);
  // Fixing a field clears its error at once; the others keep theirs.
  await composer.getByLabel("Amount").fill("250");
  await expect(composer.getByLabel("Amount")).not.toHaveAttribute("aria-invalid", "true");
  await expect(composer.getByLabel("Amount")).not.toHaveAccessibleDescription(/Required\./);
  await expect(composer.getByLabel("Start date")).toHaveAttribute("aria-invalid", "true");

  // Removing the only deliverable asks for at least one.
  await row.getByRole("button", { name: "Remove deliverable 1" }).click();
  await composer.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("deliverables-error")).toHaveText("Add at least one.");
  await expect(page).toHaveURL(/\/workspace\/proposals\/new$/);
  expect(await sentCount(page)).toBe(before);

  // Usable at phone width without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  await composer.getByRole("button", { name: "Add deliverable" }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("a draft saved before every field is filled is kept, continued and finished", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  await page.goto("/workspace/proposals/new");
  const composer = page.getByTestId("proposal-composer");
  await composer.getByLabel("Recipient").selectOption({ label: "Njeri Mwangi" });
  await composer.getByTestId("deliverable-row").first().getByLabel("Description").fill("Half-written harbour reel");
  await composer.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page.getByTestId("form-success")).toContainText("Saved as an unfinished draft");
  await expect(page).toHaveURL(/\/workspace\/proposals\/new\?unfinished=[0-9a-f-]{36}$/);
  // What is still missing is marked, without losing what was typed.
  await expect(composer.getByLabel("Amount")).toHaveAttribute("aria-invalid", "true");

  await page.goto("/workspace");
  const item = page.getByTestId("unfinished-item").filter({ hasText: "Half-written harbour reel" });
  await expect(item).toContainText("To Njeri Mwangi");
  await item.getByRole("link", { name: "Half-written harbour reel" }).click();
  await expect(composer.getByTestId("deliverable-row").first().getByLabel("Description")).toHaveValue("Half-written harbour reel");
  await expect(composer.getByLabel("Recipient")).toHaveValue(/[0-9a-f-]{36}/);

  const row = composer.getByTestId("deliverable-row").first();
  await row.getByLabel("Type").selectOption("instagram_reel");
  await row.getByLabel("Due date").fill("2027-05-10");
  await composer.getByLabel("Amount").fill("640");
  await composer.getByLabel("Currency").selectOption("USD");
  await composer.getByLabel("Start date").fill("2027-05-01");
  await composer.getByLabel("End date").fill("2027-05-31");
  await composer.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(PROPOSAL_URL);
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "draft");
  // Saved as a draft, it is no longer unfinished.
  await page.goto("/workspace");
  await expect(page.getByTestId("unfinished-item").filter({ hasText: "Half-written harbour reel" })).toHaveCount(0);
});

test("a brand composes a proposal, saves a draft, edits it and sends it", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  await page.getByRole("link", { name: "New proposal" }).click();
  await compose(page, { recipient: "Amani Wekesa", description: "Rooftop taste-test reel", amount: "1500" });

  // A second deliverable row can be added and removed again.
  const composer = page.getByTestId("proposal-composer");
  await composer.getByRole("button", { name: "Add deliverable" }).click();
  await expect(composer.getByTestId("deliverable-row")).toHaveCount(2);
  const second = composer.getByTestId("deliverable-row").nth(1);
  await expect(second.getByLabel("Type")).toBeFocused();
  await second.getByLabel("Type").selectOption("tiktok_video");
  await second.getByLabel("Due date").fill("2027-04-01");
  await second.getByLabel("Description").fill("Street-food pairing video");
  await expect(composer.getByLabel("Amount")).toHaveAccessibleDescription(/\$1,500\.00/);
  await page.screenshot({ path: "e2e/output/screenshots/proposal-composer.png", fullPage: true });

  await composer.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(PROPOSAL_URL);
  originalId = proposalIdOf(page);
  await expect(page.getByRole("heading", { name: "Proposal to Amani Wekesa", level: 1 })).toBeVisible();
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "draft");
  await expect(page.getByTestId("proposal-compensation")).toHaveText("$1,500.00");
  await expect(page.getByTestId("proposal-deliverable")).toHaveCount(2);

  // Edit: the composer is pre-filled with the draft.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/proposals/${originalId}/edit$`));
  await expect(composer.getByLabel("Recipient")).toHaveValue(/.+/);
  await expect(composer.getByLabel("Amount")).toHaveValue("1500");
  await expect(composer.getByTestId("deliverable-row")).toHaveCount(2);
  await expect(composer.getByTestId("deliverable-row").first().getByLabel("Description")).toHaveValue("Rooftop taste-test reel");
  await composer.getByRole("button", { name: "Remove deliverable 2" }).click();
  await composer.getByLabel("Amount").fill("1800");
  await composer.getByRole("button", { name: "Save draft", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/proposals/${originalId}$`));
  await expect(page.getByTestId("proposal-compensation")).toHaveText("$1,800.00");
  await expect(page.getByTestId("proposal-deliverable")).toHaveCount(1);
  // Edits to a draft are not history.
  await expect(page.getByTestId("proposal-history-item")).toHaveCount(1);
  await expect(page.getByTestId("proposal-history-item")).toContainText("created the proposal");

  await page.getByTestId("draft-actions").getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");
  await expect(page.getByTestId("proposal-history-item").filter({ hasText: "sent the proposal" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

  // The sent list links to it.
  await page.goto("/workspace");
  await expect(page.getByRole("list", { name: "Sent proposals" }).locator(`a[href="/workspace/proposals/${originalId}"]`)).toHaveText(
    "To Amani Wekesa",
  );
});

test("the creator opens it from the received list and counters with a changed amount", async ({ page }) => {
  expect(originalId).not.toBe("");
  await signInTo(page, "creator@demo.test");
  await page.getByRole("list", { name: "Received proposals" }).locator(`a[href="/workspace/proposals/${originalId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/proposals/${originalId}$`));
  await expect(page.getByRole("heading", { name: "Proposal from Savanna Beverages", level: 1 })).toBeVisible();
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");
  await expect(page.getByTestId("proposal-deliverable").first()).toContainText("Rooftop taste-test reel");

  await page.getByRole("link", { name: "Counter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/proposals/${originalId}/counter$`));
  const composer = page.getByTestId("proposal-composer");
  await expect(composer.getByLabel("Amount")).toHaveValue("1800");
  await expect(composer.getByTestId("deliverable-row").first().getByLabel("Description")).toHaveValue("Rooftop taste-test reel");
  await composer.getByLabel("Amount").fill("2100");
  await composer.getByLabel("Message (optional)").fill("Rooftop shoots need a second day for the light.");
  await composer.getByRole("button", { name: "Send counter-proposal" }).click();

  await expect(page).toHaveURL(PROPOSAL_URL);
  counterId = proposalIdOf(page);
  expect(counterId).not.toBe(originalId);
  await expect(page.getByRole("heading", { name: "Counter-proposal to Savanna Beverages", level: 1 })).toBeVisible();
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");
  await expect(page.getByTestId("proposal-compensation")).toHaveText("$2,100.00");
  await expect(page.getByTestId("proposal-chain-link")).toHaveCount(2);
  // The counter says what it changed: only the amount.
  const changes = page.getByTestId("proposal-change");
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText("Amount");
  await expect(changes.first()).toContainText("$1,800.00");
  await expect(changes.first()).toContainText("$2,100.00");
  await expect(page.getByTestId("counter-message")).toContainText("Rooftop shoots need a second day for the light.");

  // The chain leads back to the original, now countered.
  await page.getByRole("link", { name: "Original proposal from Savanna Beverages" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/proposals/${originalId}$`));
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "countered");
  await expect(page.getByTestId("proposal-history-item").filter({ hasText: "countered the proposal" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
});

test("the brand sees the counter, accepts it and follows the link to the partnership", async ({ page }) => {
  expect(counterId).not.toBe("");
  await signInTo(page, "brand@demo.test");
  await page.getByRole("list", { name: "Received proposals" }).locator(`a[href="/workspace/proposals/${counterId}"]`).click();
  await expect(page.getByRole("heading", { name: "Counter-proposal from Amani Wekesa", level: 1 })).toBeVisible();
  await expect(page.getByTestId("proposal-compensation")).toHaveText("$2,100.00");
  await expect(page.getByTestId("proposal-chain-link").first()).toContainText("$1,800.00");
  await expect(page.getByTestId("proposal-history-item").first()).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/proposal.png", fullPage: true });

  await page.getByTestId("recipient-actions").getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByTestId("form-success")).toContainText("Proposal accepted");
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "accepted");
  await page.getByTestId("partnership-link").click();
  await expect(page).toHaveURL(new RegExp(`/workspace/partnerships/${UUID}$`));
  await expect(page.getByRole("heading", { name: "Partnership with Amani Wekesa", level: 1 })).toBeVisible();
  await expect(page.getByTestId("compensation")).toHaveText("$2,100.00");
});

test("a recipient rejects a proposal only with a reason", async ({ page }) => {
  await signInTo(page, "brand@demo.test");
  await page.goto("/workspace/proposals/new");
  await compose(page, { recipient: "Amani Wekesa", description: "Proposal to be rejected", amount: "950" });
  await page.getByTestId("proposal-composer").getByRole("button", { name: "Send", exact: true }).click();
  await expect(page).toHaveURL(PROPOSAL_URL);
  const id = proposalIdOf(page);
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");
  await signOut(page);

  await signInTo(page, "creator@demo.test");
  await page.getByRole("list", { name: "Received proposals" }).locator(`a[href="/workspace/proposals/${id}"]`).click();
  const actions = page.getByTestId("recipient-actions");
  await actions.getByRole("button", { name: "Reject", exact: true }).click();
  const form = page.getByTestId("reject-form");
  await form.getByRole("button", { name: "Reject proposal" }).click();
  await expect(form.getByLabel("Reason for rejecting")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Reason for rejecting")).toHaveAccessibleDescription(/Required\./);
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");

  await form.getByLabel("Reason for rejecting").fill("The timeline clashes with another campaign.");
  await form.getByRole("button", { name: "Reject proposal" }).click();
  await expect(page.getByTestId("proposal-status")).toHaveAttribute("data-status", "rejected");
  await expect(page.getByTestId("rejection-reason")).toContainText("The timeline clashes with another campaign.");
  await expect(page.getByTestId("proposal-history-item").filter({ hasText: "rejected the proposal" })).toContainText(
    "The timeline clashes",
  );
  await expect(actions.getByRole("button", { name: "Accept", exact: true })).toHaveCount(0);
});

test("a creator who is not a party sees only “Proposal not found”", async ({ page }) => {
  expect(originalId).not.toBe("");
  await signInTo(page, "creator2@demo.test");
  for (const path of [
    `/workspace/proposals/${originalId}`,
    `/workspace/proposals/${originalId}/edit`,
    `/workspace/proposals/${counterId}/counter`,
    "/workspace/proposals/not-a-uuid",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Proposal not found" })).toBeVisible();
    const text = await page.locator("body").innerText();
    for (const secret of ["Amani Wekesa", "Savanna Beverages", "Rooftop taste-test reel", "1,800"]) expect(text).not.toContain(secret);
    await expect(page.getByTestId("proposal-composer")).toHaveCount(0);
  }
});
