import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator } from "@playwright/test";
import { approveWork, deliverableCard, paymentRow, payThroughSandbox, signContractAs, signInAs, submitWork } from "./support/workspace";

/**
 * The whole partnership flow on its detail page, by both parties in two browsers:
 * sign the contract, pay into escrow through the sandbox, submit, revise and approve
 * the deliverables, release the payments, and see the partnership completed.
 *
 * Seeded partnership: "Savanna Zero Sugar Launch" between brand@demo.test (Achieng
 * Odhiambo) and creator@demo.test (Amani Wekesa); its contract is generated but
 * unsigned, both payments pending and all three deliverables pending.
 */
const CAMPAIGN = "Savanna Zero Sugar Launch";
const payment = paymentRow;
const deliverable = deliverableCard;
const approve = approveWork;
const signIn = signInAs;
const status = (scope: Locator, testId: string) => scope.getByTestId(testId);

test("brand and creator take a partnership from unsigned contract to completed", async ({ browser }) => {
  test.setTimeout(180_000);
  const brand = await signIn(browser, "brand@demo.test");
  const creator = await signIn(browser, "creator@demo.test");

  const list = await brand.request.get("/api/partnerships?limit=100&status=active");
  expect(list.status()).toBe(200);
  const { partnerships } = (await list.json()) as { partnerships: Array<{ id: string; creatorName: string; campaignName: string | null }> };
  const target = partnerships.find((p) => p.creatorName === "Amani Wekesa" && p.campaignName === CAMPAIGN);
  expect(target, "seeded partnership with an unsigned contract").toBeDefined();
  const url = `/workspace/partnerships/${target!.id}`;

  // Starting state, as each party sees it.
  await brand.goto(url);
  await expect(brand.getByRole("heading", { name: "Partnership with Amani Wekesa", level: 1 })).toBeVisible();
  await expect(brand.getByTestId("contract-status")).toHaveAttribute("data-status", "sent");
  await expect(brand.getByTestId("partnership-status")).toHaveText("Awaiting signatures");
  await expect(brand.getByTestId("signature-brand")).toContainText("Not signed yet");
  await expect(brand.getByTestId("sandbox-notice")).toBeVisible();
  await expect(payment(brand, "initial")).toContainText("You can pay once both parties have signed the contract.");
  await expect(brand.getByTestId("pay-payment")).toHaveCount(0);

  await creator.goto(url);
  await expect(creator.getByRole("heading", { name: "Partnership with Savanna Beverages", level: 1 })).toBeVisible();
  await expect(creator.getByTestId("deliverable")).toHaveCount(3);
  // No work is submitted before the contract is signed by both parties.
  await expect(creator.getByRole("button", { name: "Submit deliverable" })).toHaveCount(0);

  // A signature needs the typed full name and the consent box.
  const signForm = creator.getByTestId("sign-contract-form");
  await signForm.getByRole("button", { name: "Sign contract" }).click();
  await expect(signForm.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expect(signForm.getByTestId("sign-consent")).toHaveAttribute("aria-invalid", "true");
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "sent");

  // Both parties sign; each sees who signed, as which typed name, and when.
  await signContractAs(creator, "Amani Wekesa");
  await expect(creator.getByTestId("signature-creator")).toContainText("Signed by Amani Wekesa");
  await expect(creator.getByTestId("signature-creator").locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "signed_creator");
  await expect(creator.getByTestId("contract-waiting")).toContainText("Waiting for the brand to sign");
  await expect(creator.getByRole("button", { name: "Sign contract" })).toHaveCount(0);

  await brand.reload();
  await expect(brand.getByTestId("signature-creator")).toContainText("Signed by Amani Wekesa");
  const staleTab = await brand.context().newPage();
  await staleTab.goto(url);
  await signContractAs(brand, "Achieng Odhiambo");
  await expect(brand.getByTestId("contract-status")).toHaveAttribute("data-status", "active");
  await expect(brand.getByTestId("signature-brand")).toContainText("Signed by Achieng Odhiambo");
  await expect(brand.getByTestId("partnership-status")).toHaveText("Active");
  // The signed document, with its hash, is offered beside the one sent; it differs from it.
  await expect(brand.getByTestId("contract-signed-document")).toBeVisible();
  const sentHash = (await brand.getByTestId("contract-sha256").textContent())!.replace("SHA-256 ", "");
  const signedHash = (await brand.getByTestId("contract-signed-sha256").textContent())!.replace("SHA-256 ", "");
  expect(signedHash).toMatch(/^[0-9a-f]{64}$/);
  expect(signedHash).not.toBe(sentHash);
  const signedPdf = await brand.request.get(`/api/partnerships/${target!.id}/contract/document?version=signed`);
  expect(signedPdf.headers()["x-document-sha256"]).toBe(signedHash);
  // A second tab opened before the signature catches up by itself: the signature shows and the sign form goes
  // (a second signature sent anyway is refused: see the contract API's tests).
  await expect(staleTab.getByTestId("signature-brand")).toContainText("Signed by Achieng Odhiambo");
  await expect(staleTab.getByTestId("sign-contract-form")).toHaveCount(0);
  await staleTab.close();

  // Now the creator can submit; a submission with neither a link nor a file is refused next to the field.
  await creator.reload();
  const first = deliverable(creator, 0);
  await first.getByRole("button", { name: "Submit deliverable" }).click();
  const urlField = first.getByLabel("Submission URL");
  await expect(urlField).toHaveAttribute("aria-invalid", "true");
  await expect(first.getByText("Give a link or attach at least one file")).toBeVisible();
  await expect(first.getByTestId("form-error")).toHaveText("Please correct the highlighted fields.");
  await expect(status(first, "deliverable-status")).toHaveAttribute("data-status", "pending");

  // The brand pays both payments into escrow through the labelled sandbox.
  await expect(brand.getByTestId("escrow-held")).toHaveText("$0.00");
  await payThroughSandbox(brand, "initial", "$1,400.00");
  await expect(brand.getByTestId("escrow-held")).toHaveText("$1,400.00");
  await payThroughSandbox(brand, "final", "$1,400.00");
  await expect(brand.getByTestId("escrow-held")).toHaveText("$2,800.00");
  // The final payment covers every deliverable, so it cannot be released yet.
  await expect(payment(brand, "final").getByRole("button", { name: "Release $1,400.00 to the creator" })).toBeDisabled();
  await expect(payment(brand, "final")).toContainText("3 of 3 still open");

  // The creator sees the money held in escrow, but none of the brand's payment controls.
  await creator.reload();
  await expect(status(payment(creator, "initial"), "payment-status")).toHaveText("Held in escrow");
  await expect(creator.getByTestId("escrow-held")).toHaveText("$2,800.00");
  for (const testId of ["pay-payment", "confirm-sandbox-payment", "release-payment"])
    await expect(creator.getByTestId(testId)).toHaveCount(0);
  await expect(creator.getByRole("button", { name: /^Pay|^Release|Confirm sandbox payment/ })).toHaveCount(0);

  // The creator submits; the brand asks for a revision with feedback; the creator resubmits.
  await submitWork(creator, 0, "https://www.instagram.com/p/zero-sugar-first-cut", { notes: "First cut for review." });
  await expect(deliverable(creator, 0).getByLabel("Submission URL")).toHaveCount(0);

  await brand.reload();
  const reviewed = deliverable(brand, 0);
  await reviewed.getByRole("button", { name: "Request revision" }).click();
  await expect(reviewed.getByText("Required.")).toBeVisible();
  await expect(reviewed.getByLabel("Feedback")).toHaveAttribute("aria-invalid", "true");
  await reviewed.getByLabel("Feedback").fill("Please show the can in the first three seconds and add #ad to the caption.");
  await reviewed.getByRole("button", { name: "Request revision" }).click();
  await expect(status(reviewed, "deliverable-status")).toHaveText("Revision requested");
  await expect(reviewed.getByTestId("deliverable-feedback")).toContainText("first three seconds");

  await creator.reload();
  await expect(deliverable(creator, 0).getByTestId("deliverable-feedback")).toContainText("first three seconds");
  await submitWork(creator, 0, "https://www.instagram.com/p/zero-sugar-final-cut", { resubmit: true });
  await submitWork(creator, 1, "https://www.tiktok.com/@amani/video/2");
  await submitWork(creator, 2, "https://www.youtube.com/watch?v=zero-sugar-3");

  // The brand approves all three (one with feedback) and releases both payments.
  await brand.reload();
  await expect(brand.getByTestId("review-deliverable-form")).toHaveCount(3);
  // The shared header is scanned by its own spec; this one checks the partnership page.
  const scan = await new AxeBuilder({ page: brand }).include("main").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await approve(brand, 0, "Much better, thank you!");
  await expect(deliverable(brand, 0).getByTestId("deliverable-feedback")).toHaveText("Much better, thank you!");
  await approve(brand, 1);
  await approve(brand, 2);
  await expect(brand.getByRole("heading", { name: "Deliverables (3/3 approved)" })).toBeVisible();

  await payment(brand, "initial").getByRole("button", { name: "Release $1,400.00 to the creator" }).click();
  await expect(status(payment(brand, "initial"), "payment-status")).toHaveText("Released");
  await expect(brand.getByTestId("partnership-completed")).toHaveCount(0);
  await payment(brand, "final").getByRole("button", { name: "Release $1,400.00 to the creator" }).click();
  await expect(status(payment(brand, "final"), "payment-status")).toHaveText("Released");
  await expect(brand.getByTestId("escrow-released")).toHaveText("$2,800.00");

  // Both parties see the partnership completed, and every step in the activity feed.
  for (const page of [brand, creator]) {
    await page.reload();
    await expect(page.getByTestId("partnership-completed")).toContainText("Completed");
    await expect(page.getByTestId("partnership-status")).toHaveAttribute("data-status", "completed");
    await expect(page.getByRole("button", { name: /Sign contract|Submit deliverable|Approve deliverable|Release/ })).toHaveCount(0);
    const feed = page.getByTestId("activity-feed");
    for (const step of [
      "Amani Wekesa signed the contract for the creator",
      "Achieng Odhiambo signed the contract for the brand",
      "Contract signed by both parties and now active",
      "Initial payment of USD 1400.00 is held in escrow",
      "Final payment of USD 1400.00 is held in escrow",
      "Amani Wekesa submitted",
      "Achieng Odhiambo requested changes to",
      "Achieng Odhiambo approved",
      "USD 1400.00 released to the creator",
      "Partnership completed",
    ]) {
      await expect(feed.getByText(step).first()).toBeVisible();
    }
  }
  await brand.screenshot({ path: "e2e/output/screenshots/partnership-completed.png", fullPage: true });

  // Nothing overflows a 375 px wide screen.
  await creator.setViewportSize({ width: 375, height: 800 });
  await creator.reload();
  await expect(creator.getByTestId("partnership-completed")).toBeVisible();
  expect(await creator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("either party generates the contract of a just-accepted partnership", async ({ browser }) => {
  // Seeded: "Nuru Glow Serum Launch" pitch by creator@demo.test, accepted by brand2@demo.test, no contract yet.
  const creator = await signIn(browser, "creator@demo.test");
  const list = await creator.request.get("/api/partnerships?limit=100&status=active");
  const { partnerships } = (await list.json()) as {
    partnerships: Array<{ id: string; brandName: string; campaignName: string | null; compensation: { amount: number } }>;
  };
  const target = partnerships.find((p) => p.campaignName === "Nuru Glow Serum Launch" && p.compensation.amount === 900);
  expect(target, "seeded partnership without a contract").toBeDefined();

  await creator.goto(`/workspace/partnerships/${target!.id}`);
  await expect(creator.getByText("No contract yet")).toBeVisible();
  await expect(creator.getByRole("button", { name: "Sign contract" })).toHaveCount(0);
  await expect(creator.getByTestId("partnership-status")).toHaveText("Awaiting contract");
  await creator.getByLabel("Review window (days)").fill("7");
  await creator.getByRole("button", { name: "Generate contract" }).click();
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "draft");
  await expect(creator.getByRole("button", { name: "Send for signature" })).toBeVisible();
  await expect(creator.getByRole("link", { name: "Draft contract PDF" })).toHaveAttribute(
    "href",
    `/api/partnerships/${target!.id}/contract/document?version=sent`,
  );
  await expect(creator.getByRole("button", { name: "Sign contract" })).toHaveCount(0);
  await creator.getByRole("button", { name: "Send for signature" }).click();
  await expect(creator.getByTestId("contract-status")).toHaveAttribute("data-status", "sent");
  await expect(creator.getByTestId("partnership-status")).toHaveText("Awaiting signatures");
  await expect(creator.getByTestId("signature-creator")).toContainText("Not signed yet");
  await expect(creator.getByTestId("signature-brand")).toContainText("Not signed yet");
  await expect(creator.getByRole("button", { name: "Sign contract" })).toBeVisible();
  await expect(creator.getByTestId("activity-feed")).toContainText("Amani Wekesa generated the contract");
  const pdf = await creator.request.get(`/api/partnerships/${target!.id}/contract/document`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
});
