import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";
import { formatMoney, formatNumber } from "../lib/format";

const signInAsPartner = (page: Page) => signIn(page, "partner@demo.test", /\/dashboard$/);

interface ListItem {
  id: string;
  student: { name: string };
  total_amount: number;
  currency: string;
}
interface ListResponse {
  sponsorships: ListItem[];
  total: number;
  page: number;
  pages: number;
}

async function apiList(page: Page, query: string): Promise<ListResponse> {
  const response = await page.request.get(`/api/v1/partner/sponsorships${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

test("the sponsorships table filters, sorts and pages through the URL like the API", async ({ page }) => {
  await signInAsPartner(page);
  const all = await apiList(page, "");
  expect(all.total).toBeGreaterThan(0);

  await page.goto("/dashboard/sponsorships");
  await expect(page.getByRole("heading", { name: "Sponsorships", level: 1 })).toBeVisible();
  const rows = page.getByTestId("sponsorship-row");
  await expect(rows).toHaveCount(all.sponsorships.length);
  await expect(page.getByTestId("page-indicator")).toHaveText(`Page 1 of ${Math.max(all.pages, 1)}`);
  await expect(page.getByTestId("sponsorships-total")).toHaveText(formatNumber(all.total));
  await expect(page.getByTestId("sponsorship-student")).toHaveText(all.sponsorships.map((s) => s.student.name));
  await expect(page.getByTestId("sponsorship-amount").first()).toHaveText(
    formatMoney(all.sponsorships[0].total_amount, all.sponsorships[0].currency),
  );
  // Newest first by default.
  await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");

  // Status filter.
  const active = await apiList(page, "?status=active");
  const statuses = page.getByRole("navigation", { name: "Status" });
  await statuses.getByRole("link", { name: "Active" }).click();
  await expect(page).toHaveURL(/\/dashboard\/sponsorships\?status=active$/);
  await expect(statuses.getByRole("link", { name: "Active" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("sponsorships-total")).toHaveText(formatNumber(active.total));
  if (active.total > 0) {
    await expect(rows).toHaveCount(active.sponsorships.length);
    const badges = page.getByTestId("sponsorship-status");
    await expect(badges).toHaveCount(active.sponsorships.length);
    for (const text of await badges.allTextContents()) expect(text).toBe("Active");
  } else {
    await expect(page.getByTestId("sponsorships-empty")).toBeVisible();
  }

  // Back to all, then sort by student name.
  await statuses.getByRole("link", { name: "All" }).click();
  await expect(page).toHaveURL(/\/dashboard\/sponsorships$/);
  await page.getByRole("link", { name: "Student", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/sponsorships\?sort_by=student_name&sort_order=asc$/);
  await expect(page.getByRole("columnheader", { name: "Student", exact: true })).toHaveAttribute("aria-sort", "ascending");
  const byName = await apiList(page, "?sort_by=student_name&sort_order=asc");
  await expect(page.getByTestId("sponsorship-student")).toHaveText(byName.sponsorships.map((s) => s.student.name));

  // Page 2 (with a smaller page size if the portfolio fits on one default page).
  let limitParam = "";
  if (byName.pages < 2) {
    limitParam = "&limit=5";
    await page.goto(`/dashboard/sponsorships?sort_by=student_name&sort_order=asc${limitParam}`);
  }
  const second = await apiList(page, `?sort_by=student_name&sort_order=asc&page=2${limitParam}`);
  expect(second.pages).toBeGreaterThanOrEqual(2);
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`\\?sort_by=student_name&sort_order=asc&page=2${limitParam}$`));
  await expect(page.getByTestId("page-indicator")).toHaveText(`Page 2 of ${second.pages}`);
  await expect(page.getByTestId("sponsorship-student")).toHaveText(second.sponsorships.map((s) => s.student.name));
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Previous/ })).toBeVisible();

  await page.screenshot({ path: "e2e/output/screenshots/sponsorships.png", fullPage: true });

  // Detail page of the first row.
  const target = second.sponsorships[0];
  const detailResponse = await page.request.get(`/api/v1/partner/sponsorships/${target.id}`);
  expect(detailResponse.status()).toBe(200);
  const detail = await detailResponse.json();
  await page.getByTestId("sponsorship-student").first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/sponsorships/${target.id}$`));
  await expect(page.getByRole("heading", { name: `Sponsorship for ${detail.student.name}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("stat-total_amount")).toHaveText(formatMoney(detail.financial.total_amount, detail.financial.currency));
  await expect(page.getByTestId("stat-amount_disbursed")).toHaveText(
    formatMoney(detail.financial.amount_disbursed, detail.financial.currency),
  );
  await expect(page.getByTestId("stat-amount_remaining")).toHaveText(
    formatMoney(detail.financial.amount_remaining, detail.financial.currency),
  );
  const bars = page.getByRole("region", { name: "Course progress" }).getByRole("progressbar");
  await expect(bars).toHaveCount(detail.courses.length);
  if (detail.courses.length > 0) {
    await expect(bars.first()).toHaveAttribute("aria-valuenow", String(detail.courses[0].progress_percent));
    await expect(page.getByRole("progressbar", { name: detail.courses[0].title })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem")).toHaveCount(detail.timeline.length);
  await page.screenshot({ path: "e2e/output/screenshots/sponsorship-detail.png", fullPage: true });

  // An unknown sponsorship shows the not-found page.
  await page.goto("/dashboard/sponsorships/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Sponsorship not found" })).toBeVisible();
});

test("the students page filters by performance like the API", async ({ page }) => {
  await signInAsPartner(page);
  const response = await page.request.get("/api/v1/partner/sponsored-students?performance=improving");
  expect(response.status()).toBe(200);
  const improving = await response.json();

  await page.goto("/dashboard/students?performance=improving");
  await expect(page.getByRole("heading", { name: "Sponsored students", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Performance" }).getByRole("link", { name: "Improving" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("stat-students_total")).toHaveText(formatNumber(improving.total));
  await expect(page.getByTestId("stat-improving_count")).toHaveText(formatNumber(improving.aggregate.improving_count));
  if (improving.total > 0) {
    await expect(page.getByTestId("student-row")).toHaveCount(improving.students.length);
    await expect(page.getByTestId("page-indicator")).toHaveText(`Page 1 of ${improving.pages}`);
    for (const text of await page.getByTestId("student-trend").allTextContents()) expect(text).toBe("Improving");
  } else {
    await expect(page.getByTestId("students-empty")).toBeVisible();
  }

  // The grade filter keeps the performance filter in the URL.
  await page.getByLabel("Grade", { exact: true }).selectOption("5");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/dashboard\/students\?performance=improving&grade_level=5(&county=)?$/);
  const graded = await (await page.request.get("/api/v1/partner/sponsored-students?performance=improving&grade_level=5")).json();
  await expect(page.getByTestId("stat-students_total")).toHaveText(formatNumber(graded.total));
  await page.screenshot({ path: "e2e/output/screenshots/students.png", fullPage: true });
});
