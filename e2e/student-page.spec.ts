import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

const STUDENTS = "/dashboard/students?limit=100";

/**
 * Looks through the students on the list's first page for one with a consented story,
 * certificates and payments (the demo data holds several), then opens that student from
 * the list by clicking their name.
 */
async function openStudentWithEverything(page: Page): Promise<string> {
  await page.goto(STUDENTS);
  const links = page.getByTestId("student-link");
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator("main h1")).toBeVisible();
    const complete =
      (await page.getByTestId("student-story").count()) > 0 &&
      (await page.getByTestId("student-certificates").count()) > 0 &&
      (await page.getByTestId("student-payment").count()) > 0;
    if (!complete) continue;
    await page.goto(STUDENTS);
    const link = page.locator(`a[data-testid="student-link"][href="${href}"]`);
    const name = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    return name;
  }
  throw new Error("No student on the first page has a consented story, certificates and payments");
}

test("a partner opens a student from the students list and records the full-name consent", async ({ page }) => {
  // The search opens a student page or a few before finding one with everything.
  test.setTimeout(120_000);
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  const name = await openStudentWithEverything(page);
  expect(page.url()).toMatch(/\/dashboard\/students\/[0-9a-f-]{36}$/);

  // Scores over time: the chart draws one line per subject.
  const chart = page.getByTestId("student-score-chart");
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-line").first()).toBeVisible();
  await expect(page.getByTestId("student-courses").getByRole("progressbar").first()).toBeVisible();
  await expect(page.getByTestId("student-certificates").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("student-story")).not.toBeEmpty();

  // A payment opens its own page.
  const payment = page.getByTestId("student-payment").first().getByRole("link");
  const paymentHref = await payment.getAttribute("href");
  expect(paymentHref).toMatch(/^\/dashboard\/payments\/[0-9a-f-]{36}$/);

  // Start from no consent (the demo data has recorded it for a few students).
  if (await page.getByRole("button", { name: "Withdraw consent" }).isVisible()) {
    await page.getByRole("button", { name: "Withdraw consent" }).click();
    await page.getByRole("button", { name: "Yes, withdraw it" }).click();
    await expect(page.getByText("Consent withdrawn.")).toBeVisible();
  }
  await expect(page.getByTestId("student-consent-status")).toContainText("No consent recorded.");
  await page.getByLabel("Note (optional)").fill("Signed form in the school file");
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded.")).toBeVisible();
  await expect(page.getByTestId("student-consent-status")).toContainText("Consent recorded by Wanjiru Kamau");
  await expect(page.getByTestId("student-consent-status")).toContainText("Signed form in the school file");
  await expect(page.getByRole("button", { name: "Withdraw consent" })).toBeVisible();

  // The page survives a reload with the consent in place, and the payment link leads to the payment.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("student-consent-status")).toContainText("Consent recorded by Wanjiru Kamau");
  await page.goto(paymentHref!);
  await expect(page).toHaveURL(paymentHref!);
});

test("a viewer reads a student's page but cannot record the consent", async ({ page }) => {
  await signIn(page, "board@demo.test", /\/dashboard$/);
  await page.goto(STUDENTS);
  await page.getByTestId("student-link").first().click();
  await expect(page.getByTestId("student-consent-status")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record consent" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Withdraw consent" })).toHaveCount(0);
});

test("a student another partner funds is not found for this one", async ({ page, browser }) => {
  const studentHrefs = async (target: Page) => {
    await target.goto(STUDENTS);
    await expect(target.getByTestId("student-link").first()).toBeVisible();
    return target.getByTestId("student-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  };
  await signIn(page, "partner2@demo.test", /\/dashboard$/);
  const own = new Set(await studentHrefs(page));
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "partner@demo.test", /\/dashboard$/);
  const foreign = (await studentHrefs(otherPage)).find((href) => !own.has(href));
  await other.close();
  expect(foreign).toBeTruthy();

  await page.goto(foreign!);
  await expect(page.getByRole("heading", { name: "Student not found" })).toBeVisible();
  await page.goto("/dashboard/students/not-a-student");
  await expect(page.getByRole("heading", { name: "Student not found" })).toBeVisible();
});

test("the portfolio by county shows every county in a table and on the map", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.getByRole("navigation").getByRole("link", { name: "Counties" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/counties$/);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio by county" })).toBeVisible();

  const rows = page.getByTestId("county-row");
  await expect(rows).toHaveCount(47);
  await expect(rows.filter({ hasText: "Nairobi" })).toHaveCount(1);
  const map = page.getByTestId("county-map");
  await expect(map).toBeVisible();
  await expect(map.getByTestId("county-tile")).toHaveCount(47);
  await expect(map.locator('[data-county="Nairobi"] text')).toHaveText("NRB");

  // Colouring by another measure changes the tiles' titles to that measure.
  await page.getByRole("link", { name: "Disbursed to sponsorships" }).click();
  await expect(page).toHaveURL(/measure=disbursed/);
  await expect(map.locator("title").first()).toContainText(/Ksh|no students/);
  await page.getByRole("link", { name: "Score improvement" }).click();
  await expect(page).toHaveURL(/measure=improvement/);
  await expect(map.locator("title").first()).toContainText(/points|not measured yet|no students/);
});
