/**
 * The whole creator/brand journey in two browsers, from a new proposal to a completed
 * partnership: propose, counter, accept the counter, sign, pay into escrow through the
 * sandbox, submit, revise, approve, release.
 */
import { expect, test } from "@playwright/test";
import {
  approveWork,
  compose,
  deliverableCard,
  generateAndSendContract,
  paymentRow,
  payThroughSandbox,
  proposalIdOf,
  PROPOSAL_URL,
  requestRevision,
  signContractAs,
  signInAs,
  submitWork,
  UUID,
} from "./support/workspace";

test("a brand and a creator go from proposal to completed partnership", async ({ browser }) => {
  test.setTimeout(240_000);
  const brand = await signInAs(browser, "brand2@demo.test");
  const creator = await signInAs(browser, "creator2@demo.test");

  // The brand creates and sends a proposal.
  await brand.getByRole("link", { name: "New proposal" }).click();
  await compose(brand, {
    recipient: "Njeri Mwangi",
    description: "Kitchen-table unboxing reel",
    amount: "1200",
    schedule: "Full payment on completion",
  });
  await brand.getByTestId("proposal-composer").getByRole("button", { name: "Send", exact: true }).click();
  await expect(brand).toHaveURL(PROPOSAL_URL);
  const proposalId = proposalIdOf(brand);
  await expect(brand.getByTestId("proposal-status")).toHaveAttribute("data-status", "sent");

  // The creator finds it among received proposals and counters with a higher amount.
  await creator.reload();
  await creator.getByRole("list", { name: "Received proposals" }).locator(`a[href="/workspace/proposals/${proposalId}"]`).click();
  await expect(creator.getByTestId("proposal-compensation")).toHaveText("$1,200.00");
  await creator.getByRole("link", { name: "Counter", exact: true }).click();
  const composer = creator.getByTestId("proposal-composer");
  await expect(composer.getByLabel("Amount")).toHaveValue("1200");
  await composer.getByLabel("Amount").fill("1500");
  await composer.getByRole("button", { name: "Send counter-proposal" }).click();
  await expect(creator).toHaveURL(PROPOSAL_URL);
  const counterId = proposalIdOf(creator);
  expect(counterId).not.toBe(proposalId);
  await expect(creator.getByTestId("proposal-compensation")).toHaveText("$1,500.00");

  // The brand accepts the counter and follows it to the new partnership.
  await brand.goto("/workspace");
  await brand.getByRole("list", { name: "Received proposals" }).locator(`a[href="/workspace/proposals/${counterId}"]`).click();
  await brand.getByTestId("recipient-actions").getByRole("button", { name: "Accept", exact: true }).click();
  await expect(brand.getByTestId("proposal-status")).toHaveAttribute("data-status", "accepted");
  await brand.getByTestId("partnership-link").click();
  await expect(brand).toHaveURL(new RegExp(`/workspace/partnerships/${UUID}$`));
  const partnershipUrl = new URL(brand.url()).pathname;
  await expect(brand.getByTestId("compensation")).toHaveText("$1,500.00");

  // Until the contract is signed by both, the partnership is not in force.
  await expect(brand.getByTestId("partnership-status")).toHaveText("Awaiting contract");
  // A contract is generated (a draft) if the partnership has none yet, sent, and signed by both parties.
  if (await brand.getByRole("button", { name: "Generate contract" }).isVisible()) {
    await generateAndSendContract(brand);
    await expect(brand.getByTestId("contract-status")).toHaveAttribute("data-status", "sent");
  }
  await expect(brand.getByTestId("partnership-status")).toHaveText("Awaiting signatures");
  await signContractAs(brand, "Achieng Odhiambo");
  await expect(brand.getByTestId("signature-brand")).toContainText("Signed by");
  await creator.goto(partnershipUrl);
  await expect(creator.getByRole("heading", { name: "Partnership with", level: 1 })).toBeVisible();
  await signContractAs(creator, "Amani Wekesa");
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "active");
  await expect(creator.getByTestId("partnership-status")).toHaveText("Active");
  await expect(creator.getByTestId("contract-signed-document")).toBeVisible();

  // The brand pays into escrow through the sandbox.
  await brand.reload();
  await payThroughSandbox(brand, "final", "$1,500.00");
  await expect(brand.getByTestId("escrow-held")).toHaveText("$1,500.00");

  // The creator submits; the brand asks for a revision; the creator resubmits; the brand approves.
  await creator.reload();
  await submitWork(creator, 0, "https://www.instagram.com/p/unboxing-first-cut");
  await brand.reload();
  await requestRevision(brand, 0, "Please open with the product on the table.");
  await creator.reload();
  await expect(deliverableCard(creator, 0).getByTestId("deliverable-feedback")).toContainText("product on the table");
  await submitWork(creator, 0, "https://www.instagram.com/p/unboxing-final-cut", { resubmit: true });
  await brand.reload();
  await approveWork(brand, 0);

  // The brand releases the payment, and both parties see the partnership completed.
  await paymentRow(brand, "final").getByRole("button", { name: "Release $1,500.00 to the creator" }).click();
  await expect(paymentRow(brand, "final").getByTestId("payment-status")).toHaveText("Released");
  for (const page of [brand, creator]) {
    await page.goto(partnershipUrl);
    await expect(page.getByTestId("partnership-completed")).toContainText("Completed");
    await expect(page.getByTestId("partnership-status")).toHaveAttribute("data-status", "completed");
    await page.goto("/workspace");
    const row = page.getByTestId("partnership-row").filter({ has: page.locator(`a[href="${partnershipUrl}"]`) });
    await expect(row).toContainText("Completed");
  }
  await creator.screenshot({ path: "e2e/output/screenshots/workspace-after-completion.png", fullPage: true });
});
