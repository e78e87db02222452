/**
 * A brand's campaign with a budget, and a versioned review in two browsers: the campaign's
 * spend follows its proposal and partnership without a reload; the creator uploads a file, the brand comments
 * and asks for changes, the creator resubmits, and every version and comment stays visible.
 * The calendar lists what falls due.
 */
import { expect, test } from "@playwright/test";
import {
  compose,
  deliverableCard,
  generateAndSendContract,
  proposalIdOf,
  PROPOSAL_URL,
  signContractAs,
  signInAs,
  UUID,
} from "./support/workspace";

// The smallest valid PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ab0000000049454e44ae426082",
  "hex",
);

test("a campaign's spend, and a review with an upload, comments and two versions", async ({ browser }) => {
  test.setTimeout(300_000);
  const brand = await signInAs(browser, "brand2@demo.test");
  const creator = await signInAs(browser, "creator2@demo.test");
  const campaignName = `Harvest festival ${Date.now()}`;

  // The brand creates a campaign with a budget.
  await brand.getByRole("navigation").getByRole("link", { name: "Campaigns" }).first().click();
  const form = brand.getByTestId("campaign-form");
  await form.getByLabel("Name").fill(campaignName);
  await form.getByLabel("Budget").fill("5000");
  await form.getByLabel("Currency").selectOption("USD");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(brand).toHaveURL(new RegExp(`/workspace/campaigns/${UUID}$`));
  const campaignUrl = new URL(brand.url()).pathname;
  await expect(brand.getByTestId("stat-budget")).toHaveText("$5,000.00");
  await expect(brand.getByTestId("stat-committed")).toHaveText("$0.00");

  // A proposal in the campaign; until it is accepted it is proposed, not committed.
  await brand.goto("/workspace/proposals/new");
  await compose(brand, {
    recipient: "Njeri Mwangi",
    description: "Market-day reel",
    amount: "1200",
    schedule: "Full payment on completion",
  });
  await brand.getByTestId("proposal-composer").getByLabel("Campaign (optional)").selectOption({ label: campaignName });
  await brand.getByTestId("proposal-composer").getByRole("button", { name: "Send", exact: true }).click();
  await expect(brand).toHaveURL(PROPOSAL_URL);
  const proposalId = proposalIdOf(brand);
  await brand.goto(campaignUrl);
  await expect(brand.getByText("add $1,200.00 if accepted")).toBeVisible();

  await creator.goto(`/workspace/proposals/${proposalId}`);
  await creator.getByTestId("recipient-actions").getByRole("button", { name: "Accept", exact: true }).click();
  await expect(creator.getByTestId("proposal-status")).toHaveAttribute("data-status", "accepted");
  // The brand's campaign page follows the acceptance by itself.
  await expect(brand.getByTestId("stat-committed")).toHaveText("$1,200.00", { timeout: 15_000 });
  await expect(brand.getByTestId("live-status")).toContainText("Updated at");
  await expect(brand.getByTestId("stat-remaining")).toHaveText("$3,800.00");
  await expect(brand.getByRole("meter", { name: "Budget committed" })).toHaveAttribute("aria-valuenow", "24");
  await brand.getByTestId("campaign-partnership").getByRole("link").click();
  await expect(brand).toHaveURL(new RegExp(`/workspace/partnerships/${UUID}$`));
  const partnershipUrl = new URL(brand.url()).pathname;

  // The contract in force, the creator submits a link and a file.
  await generateAndSendContract(brand);
  await signContractAs(brand, "Zawadi Mwakio");
  await creator.goto(partnershipUrl);
  await signContractAs(creator, "Njeri Mwangi");
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "active");

  // The calendar lists the deliverable for the creator to deliver, and the payment for the brand to fund.
  const ofThisPartnership = (page: typeof brand) =>
    page.getByTestId("due-item").filter({ has: page.locator(`a[href="${partnershipUrl}"]`) });
  await creator.goto("/workspace/calendar?month=2027-03");
  await expect(ofThisPartnership(creator).and(creator.locator('[data-kind="deliverable"]'))).toContainText("yours to do");
  await brand.goto("/workspace/calendar?month=2027-04");
  await expect(ofThisPartnership(brand).and(brand.locator('[data-kind="payment"]'))).toContainText("$1,200.00");
  await brand.goto(partnershipUrl);
  await creator.goto(partnershipUrl);
  const work = deliverableCard(creator, 0);
  await work.getByLabel("Submission URL").fill("https://www.instagram.com/reel/market-day-cut-1/");
  await work.getByLabel("Files (optional)").setInputFiles({ name: "frame-1.png", mimeType: "image/png", buffer: PNG });
  await work.getByRole("button", { name: "Submit deliverable" }).click();
  await expect(work.getByTestId("deliverable-status")).toHaveAttribute("data-status", "submitted");
  await expect(work.getByTestId("deliverable-version")).toHaveCount(1);

  // The brand sees version 1 without reloading, opens its file, comments and asks for changes.
  const review = deliverableCard(brand, 0);
  await expect(review.getByTestId("deliverable-version")).toHaveCount(1);
  const file = review.getByTestId("version-file");
  await expect(file).toHaveText("frame-1.png");
  const download = await brand.request.get((await file.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
  // Someone outside the partnership is told the file does not exist.
  const outsider = await signInAs(browser, "creator@demo.test");
  expect((await outsider.request.get((await file.getAttribute("href"))!)).status()).toBe(404);

  await review.getByRole("textbox", { name: "Comment" }).fill("The stall sign is cut off in the first frame.");
  await review.getByRole("button", { name: "Add comment" }).click();
  await expect(review.getByTestId("deliverable-comment")).toHaveCount(1);
  await review.getByLabel("Feedback").fill("Please reframe the opening shot.");
  await review.getByRole("button", { name: "Request revision" }).click();
  await expect(review.getByTestId("deliverable-status")).toHaveText("Revision requested");

  // The creator sees the comment and the request without reloading, answers, and resubmits: the link is offered again.
  await expect(work.getByTestId("deliverable-comment")).toHaveText(/stall sign is cut off/);
  await expect(work.getByTestId("version-feedback")).toContainText("Please reframe the opening shot.");
  await work.getByRole("textbox", { name: "Comment" }).fill("Reframed; new cut attached.");
  await work.getByRole("button", { name: "Add comment" }).click();
  await expect(work.getByTestId("deliverable-comment")).toHaveCount(2);
  await expect(work.getByLabel("Submission URL")).toHaveValue("https://www.instagram.com/reel/market-day-cut-1/");
  await work.getByLabel("Submission URL").fill("https://www.instagram.com/reel/market-day-cut-2/");
  await work.getByRole("button", { name: "Resubmit deliverable" }).click();
  await expect(work.getByTestId("deliverable-version")).toHaveCount(2);

  // Both versions and both comments stay, the first with the brand's request.
  await expect(review.getByTestId("deliverable-version")).toHaveCount(2);
  const first = review.locator('[data-testid="deliverable-version"][data-version="1"]');
  await expect(first.getByTestId("version-outcome")).toHaveText("Changes requested");
  await expect(first.getByTestId("version-feedback")).toContainText("Please reframe the opening shot.");
  await expect(first.getByTestId("version-file")).toHaveText("frame-1.png");
  await expect(review.locator('[data-testid="deliverable-version"][data-version="2"]')).toContainText("market-day-cut-2");
  await expect(review.getByTestId("deliverable-comment")).toHaveCount(2);
  await expect(review.locator('[data-testid="deliverable-comment"][data-side="creator"]')).toContainText("Reframed");
});
