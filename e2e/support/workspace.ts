/** Steps of the creator/brand workspace that several browser tests take. */
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./session";

export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
export const PROPOSAL_URL = new RegExp(`/workspace/proposals/(${UUID})$`);

/** A signed-in page in a browser context of its own, so two parties can act side by side. */
export async function signInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  return page;
}

export function proposalIdOf(page: Page): string {
  const match = PROPOSAL_URL.exec(new URL(page.url()).pathname);
  expect(match, page.url()).not.toBeNull();
  return match![1]!;
}

export interface ProposalDraft {
  recipient: string;
  description: string;
  amount: string;
  schedule?: string;
}

/** Fills the composer with one deliverable and the given compensation. */
export async function compose(page: Page, draft: ProposalDraft) {
  const composer = page.getByTestId("proposal-composer");
  await composer.getByLabel("Recipient").selectOption({ label: draft.recipient });
  const first = composer.getByTestId("deliverable-row").first();
  await first.getByLabel("Type").selectOption("instagram_reel");
  await first.getByLabel("Due date").fill("2027-03-10");
  await first.getByLabel("Description").fill(draft.description);
  await first.getByLabel("Requirements").fill("Tag @savannabev; disclose as #ad.");
  await composer.getByLabel("Amount").fill(draft.amount);
  await composer.getByLabel("Currency").selectOption("USD");
  await composer.getByLabel("Payment schedule").fill(draft.schedule ?? "50% upfront, 50% on completion");
  await composer.getByLabel("Start date").fill("2027-03-01");
  await composer.getByLabel("End date").fill("2027-04-30");
  await composer.getByLabel("Content rights").fill("Reposting on brand channels for 12 months");
  await composer.getByLabel("Revisions").fill("Two rounds");
}

export const paymentRow = (page: Page, type: "initial" | "final") =>
  page.locator(`[data-testid="payment-row"][data-payment-type="${type}"]`);
export const deliverableCard = (page: Page, index: number) => page.getByTestId("deliverable").nth(index);

/** The brand pays a scheduled payment through the labelled sandbox; the money is then held in escrow. */
export async function payThroughSandbox(page: Page, type: "initial" | "final", amount: string) {
  const row = paymentRow(page, type);
  await row.getByRole("button", { name: `Pay (sandbox) ${amount}` }).click();
  const confirm = row.getByRole("button", { name: "Confirm sandbox payment" });
  await expect(confirm).toBeVisible();
  await expect(row).toContainText("Sandbox: no card is charged");
  await confirm.click();
  await expect(row.getByTestId("payment-status")).toHaveText("Held in escrow");
}

/** The creator submits (or resubmits) a deliverable's work. */
export async function submitWork(page: Page, index: number, url: string, options: { resubmit?: boolean; notes?: string } = {}) {
  const item = deliverableCard(page, index);
  await item.getByLabel("Submission URL").fill(url);
  if (options.notes) await item.getByLabel("Notes (optional)").fill(options.notes);
  await item.getByRole("button", { name: options.resubmit ? "Resubmit deliverable" : "Submit deliverable" }).click();
  await expect(item.getByTestId("deliverable-status")).toHaveAttribute("data-status", "submitted");
  await expect(item.getByTestId("deliverable-submission")).toContainText(url);
}

/** The brand asks for changes to a submitted deliverable. */
export async function requestRevision(page: Page, index: number, feedback: string) {
  const item = deliverableCard(page, index);
  await item.getByLabel("Feedback").fill(feedback);
  await item.getByRole("button", { name: "Request revision" }).click();
  await expect(item.getByTestId("deliverable-status")).toHaveText("Revision requested");
}

/** The brand approves a submitted deliverable. */
export async function approveWork(page: Page, index: number, feedback?: string) {
  const item = deliverableCard(page, index);
  if (feedback) await item.getByLabel("Feedback").fill(feedback);
  await item.getByRole("button", { name: "Approve deliverable" }).click();
  await expect(item.getByTestId("deliverable-status")).toHaveAttribute("data-status", "approved");
}

/** Signs the contract on the partnership page: the typed full name, the consent box, then Sign. */
export async function signContractAs(page: Page, fullName: string) {
  const form = page.getByTestId("sign-contract-form");
  await form.getByLabel("Full name").fill(fullName);
  await form.getByTestId("sign-consent").check();
  await form.getByRole("button", { name: "Sign contract" }).click();
}

/** Generates the contract of a partnership that has none (a draft) and sends it for signature. */
export async function generateAndSendContract(page: Page, reviewWindowDays?: number) {
  if (reviewWindowDays) await page.getByLabel("Review window (days)").fill(String(reviewWindowDays));
  await page.getByRole("button", { name: "Generate contract" }).click();
  await page.getByRole("button", { name: "Send for signature" }).click();
  await page.getByTestId("contract-status").and(page.locator('[data-status="sent"]')).waitFor();
}
