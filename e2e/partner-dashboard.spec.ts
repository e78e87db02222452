import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";
import { formatMoney, formatNumber, formatPercent } from "../lib/format";

const signInAsPartner = (page: Page) => signIn(page, "partner@demo.test", /\/dashboard$/);

test("the partner dashboard shows the same figures as the stats API", async ({ page }) => {
  await signInAsPartner(page);
  await expect(page.getByRole("heading", { name: "Partner dashboard", level: 1 })).toBeVisible();

  const response = await page.request.get("/api/v1/partner/dashboard/stats");
  expect(response.status()).toBe(200);
  const { stats, recent_milestones, payment_summary, impact_snapshot } = await response.json();

  const expected: Record<string, string> = {
    total_sponsorships: formatNumber(stats.total_sponsorships),
    active_sponsorships: formatNumber(stats.active_sponsorships),
    total_students_sponsored: formatNumber(stats.total_students_sponsored),
    total_invested: formatMoney(stats.total_invested, stats.currency),
    average_student_score_improvement: formatNumber(stats.average_student_score_improvement),
    courses_funded: formatNumber(stats.courses_funded),
    programs_active: formatNumber(stats.programs_active),
  };
  for (const [name, text] of Object.entries(expected)) {
    await expect(page.getByTestId(`stat-${name}`), name).toHaveText(text);
  }
  // The demo partner has a real portfolio, so the cards are not all zero.
  expect(stats.total_sponsorships).toBeGreaterThan(0);
  expect(expected.total_invested).toContain("Ksh");

  for (const label of ["Total sponsorships", "Active sponsorships", "Students sponsored", "Paid in", "Courses funded", "Active programs"]) {
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  }

  await expect(page.getByRole("region", { name: "Recent milestones" }).getByRole("listitem")).toHaveCount(recent_milestones.length);
  // Each milestone links to what funds the student: its sponsorship, or else its program.
  const links = page.getByTestId("milestone-link");
  await expect(links).toHaveCount(recent_milestones.length);
  const students = page.getByTestId("milestone-student");
  for (const [i, milestone] of (
    recent_milestones as Array<{ student_id: string; sponsorship_id: string | null; program_id: string | null }>
  ).entries()) {
    // The student's name leads to their page.
    await expect(students.nth(i)).toHaveAttribute("href", `/dashboard/students/${milestone.student_id}`);
    const href = milestone.sponsorship_id
      ? `/dashboard/sponsorships/${milestone.sponsorship_id}`
      : `/dashboard/programs/${milestone.program_id}`;
    await expect(links.nth(i)).toHaveAttribute("href", href);
  }
  await expect(page.getByTestId("payment-total_paid")).toHaveText(formatMoney(payment_summary.total_paid, stats.currency));
  await expect(page.getByTestId("snapshot-improving")).toHaveText(formatNumber(impact_snapshot.students_improving));
  await expect(page.getByTestId("snapshot-stable")).toHaveText(formatNumber(impact_snapshot.students_stable));
  await expect(page.getByTestId("snapshot-declining")).toHaveText(formatNumber(impact_snapshot.students_declining));
  await expect(page.getByTestId("snapshot-completion_rate")).toHaveText(formatPercent(impact_snapshot.overall_completion_rate));

  await page.screenshot({ path: "e2e/output/screenshots/dashboard.png", fullPage: true });

  // At phone width the stat cards sit two to a row.
  await page.setViewportSize({ width: 390, height: 844 });
  const first = await page.getByTestId("stat-total_sponsorships").boundingBox();
  const second = await page.getByTestId("stat-active_sponsorships").boundingBox();
  const third = await page.getByTestId("stat-total_students_sponsored").boundingBox();
  expect(first && second && third).toBeTruthy();
  expect(second!.x).toBeGreaterThan(first!.x + first!.width);
  expect(Math.abs(second!.y - first!.y)).toBeLessThan(2);
  expect(third!.y).toBeGreaterThan(first!.y + first!.height);
  expect(Math.abs(third!.x - first!.x)).toBeLessThan(1);
});

test("the impact page switches period and filters through the URL", async ({ page }) => {
  await signInAsPartner(page);
  const [year, quarter] = await Promise.all(
    ["year", "quarter"].map(async (period) => {
      const response = await page.request.get(`/api/v1/partner/impact?period=${period}`);
      expect(response.status()).toBe(200);
      return response.json();
    }),
  );
  const quarterOutcomes = await (await page.request.get("/api/v1/partner/impact/student-outcomes?period=quarter")).json();

  await page.goto("/dashboard/impact");
  await expect(page.getByRole("heading", { name: "Impact analytics", level: 1 })).toBeVisible();
  const periods = page.getByRole("navigation", { name: "Period" });
  await expect(periods.getByRole("link", { name: "Year" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("stat-students_reached")).toHaveText(formatNumber(year.students_reached));
  await expect(page.getByTestId("stat-total_investment")).toHaveText(formatMoney(year.total_investment, year.currency));
  await expect(page.getByRole("figure", { name: "Score trend" })).toBeVisible();

  await periods.getByRole("link", { name: "Quarter" }).click();
  await expect(page).toHaveURL(/\/dashboard\/impact\?period=quarter$/);
  await expect(periods.getByRole("link", { name: "Quarter" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("impact-data")).toHaveAttribute("data-period", "quarter");
  await expect(page.getByTestId("stat-students_reached")).toHaveText(formatNumber(quarter.students_reached));
  await expect(page.getByTestId("stat-total_investment")).toHaveText(formatMoney(quarter.total_investment, quarter.currency));
  await expect(page.getByTestId("stat-cost_per_student")).toHaveText(formatMoney(quarter.roi_metrics.cost_per_student, quarter.currency));
  await expect(page.getByTestId("comparison-summary")).toContainText(
    formatPercent(quarter.comparison_to_platform.sponsored_completion_rate),
  );
  await expect(page.getByTestId("score-trend-summary")).toContainText(`(${quarterOutcomes.score_trend.length} months)`);
  // The switch is visible: something on the page differs from the year's figures.
  const yearTexts = [formatNumber(year.students_reached), formatMoney(year.total_investment, year.currency)];
  const quarterTexts = [formatNumber(quarter.students_reached), formatMoney(quarter.total_investment, quarter.currency)];
  expect(quarterTexts).not.toEqual(yearTexts);

  // Grade and subject filters go into the URL and narrow the charts.
  await page.getByLabel("Grade", { exact: true }).selectOption("5");
  await page.getByLabel("Subject", { exact: true }).selectOption("Mathematics");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/dashboard\/impact\?period=quarter&grade=5&subject=Mathematics$/);
  const filtered = await (
    await page.request.get("/api/v1/partner/impact/student-outcomes?period=quarter&grade_level=5&subject=Mathematics")
  ).json();
  const bands = page.getByTestId("performance-bands-summary");
  if (filtered.total_students > 0) await expect(bands).toContainText(`${formatNumber(filtered.total_students)} students assessed`);
  else await expect(bands).toHaveText("No students were assessed in this period.");
  // The comparison with unfunded outcomes is filtered too, as the API gives it for the same filters.
  const compared = filtered.comparison_to_platform;
  const dash = (value: number | null) => (value === null ? "–" : formatNumber(value));
  await expect(page.getByTestId("comparison-summary")).toHaveText(
    `Sponsored students: average score ${dash(compared.sponsored_avg_score)}, completion ${formatPercent(compared.sponsored_completion_rate)}. Outcomes no partner funded: average score ${dash(compared.platform_avg_score)}, completion ${formatPercent(compared.platform_completion_rate)}.`,
  );

  await page.goto("/dashboard/impact?period=year");
  await expect(page.getByTestId("stat-students_reached")).toHaveText(formatNumber(year.students_reached));

  // Each headline figure says how it moved against the same span a year earlier; all time has nothing before it.
  await expect(page.getByTestId("change-students_reached")).toHaveText(/(up|down) [\d,]+ on the previous year|same as the previous year/);
  await expect(page.getByTestId("change-total_investment")).toContainText("previous year");

  // The grade filter offers only the grades the partner's students are in, in order.
  const gradeOptions = (await page.getByLabel("Grade", { exact: true }).locator("option").allTextContents()).slice(1);
  const offered = gradeOptions.map((text) => Number(text.replace("Grade ", "")));
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.length).toBeLessThan(12);
  expect(offered).toEqual([...offered].sort((x, y) => x - y));

  // Each performance band has its own colour, at risk in red.
  const yearOutcomes = await (await page.request.get("/api/v1/partner/impact/student-outcomes?period=year")).json();
  const bandChart = page.getByRole("figure", { name: "Performance bands" });
  await expect(bandChart.locator("path.recharts-rectangle").first()).toBeVisible();
  const fills = await bandChart.locator("path.recharts-rectangle").evaluateAll((paths) => paths.map((path) => path.getAttribute("fill")));
  expect(new Set(fills).size).toBe(fills.length);
  if (yearOutcomes.by_performance.at_risk.count > 0) expect(fills).toContain("#dc2626");
  await page.screenshot({ path: "e2e/output/screenshots/impact.png", fullPage: true });
  await page.goto("/dashboard/impact?period=all_time");
  await expect(page.getByTestId("stat-students_reached")).toBeVisible();
  await expect(page.getByTestId("change-students_reached")).toHaveCount(0);
});
