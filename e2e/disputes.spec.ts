import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/session";
import { signInAs } from "./support/workspace";

/**
 * Disputes and ending a partnership in the browser, on seeded partnerships no other spec uses:
 * "Nuru Glow Serum Launch" between brand2@demo.test and creator@demo.test (USD 1,600, an open
 * dispute on the second deliverable, the final USD 800 in escrow), and the same campaign's
 * USD 1,200 partnership with creator2@demo.test (its upfront payment split by a resolved dispute).
 */
test("an admin splits the money of the open dispute, and it leaves the queue", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await admin.goto("/login");
  await admin.getByLabel("Email").fill("admin@demo.test");
  await admin.getByLabel("Password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("link", { name: "Disputes" }).click();
  await expect(admin.getByRole("heading", { name: "Disputes", level: 1 })).toBeVisible();
  const item = admin.getByTestId("open-dispute").filter({ hasText: "A third round of changes" });
  await expect(item).toContainText("Amani Wekesa");
  await expect(item).toContainText("in escrow: $800.00");

  const form = item.getByTestId("resolve-dispute-form");
  await form.getByLabel("Outcome").selectOption("split");
  await form.getByLabel("Creator's share (USD)").fill("800");
  await form.getByLabel("Note to both parties").fill("The reel follows the brief; the brand keeps a share for the late delivery.");
  await form.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(form.getByTestId("form-error")).toContainText("Please correct");
  await form.getByLabel("Creator's share (USD)").fill("600");
  await form.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(admin.getByTestId("open-dispute").filter({ hasText: "A third round of changes" })).toHaveCount(0);

  const creator = await signInAs(browser, "creator@demo.test");
  const list = await creator.request.get("/api/partnerships?limit=100");
  const { partnerships } = (await list.json()) as {
    partnerships: Array<{ id: string; campaignName: string | null; compensation: { amount: number } }>;
  };
  const target = partnerships.find((p) => p.campaignName === "Nuru Glow Serum Launch" && p.compensation.amount === 1600);
  await creator.goto(`/workspace/partnerships/${target!.id}`);
  const dispute = creator.getByTestId("dispute");
  await expect(dispute).toHaveAttribute("data-dispute-status", "resolved");
  await expect(dispute.getByTestId("dispute-outcome")).toContainText("split");
});

test("a creator ends a partnership after seeing what happens to the money", async ({ browser }) => {
  const creator = await signInAs(browser, "creator2@demo.test");
  const list = await creator.request.get("/api/partnerships?limit=100&status=active");
  const { partnerships } = (await list.json()) as {
    partnerships: Array<{ id: string; campaignName: string | null; compensation: { amount: number } }>;
  };
  const target = partnerships.find((p) => p.campaignName === "Nuru Glow Serum Launch" && p.compensation.amount === 1200);
  expect(target, "seeded partnership with a split dispute").toBeDefined();
  await creator.goto(`/workspace/partnerships/${target!.id}`);
  await expect(creator.getByTestId("dispute")).toHaveAttribute("data-dispute-status", "resolved");

  await creator.getByTestId("end-partnership").click();
  const form = creator.getByTestId("end-partnership-form");
  await form.getByTestId("end-partnership-submit").click();
  await expect(form.getByLabel("Why are you ending it?")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Why are you ending it?").fill("The brand paused the campaign indefinitely.");
  await form.getByTestId("end-partnership-submit").click();
  const consequences = form.getByTestId("end-partnership-consequences");
  await expect(consequences).toContainText("1 unpaid payment ($600.00) is cancelled.");
  await expect(consequences).toContainText("1 deliverable not yet approved is closed as rejected.");
  await form.getByRole("button", { name: "Confirm: end partnership" }).click();
  await expect(creator.getByTestId("partnership-terminated")).toContainText("The brand paused the campaign indefinitely.");
  await expect(creator.getByTestId("end-partnership")).toHaveCount(0);
});
