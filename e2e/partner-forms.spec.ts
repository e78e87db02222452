import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";
import { formatMoney } from "../lib/format";

const signInAsPartner = (page: Page) => signIn(page, "partner@demo.test", /\/dashboard$/);

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return response.json() as Promise<T>;
}

const sponsorshipTotal = async (page: Page) => (await apiJson<{ total: number }>(page, "/api/v1/partner/sponsorships?limit=1")).total;
const programTotal = async (page: Page) => (await apiJson<{ total: number }>(page, "/api/v1/partner/programs?limit=1")).total;
const paymentTotal = async (page: Page) => (await apiJson<{ total: number }>(page, "/api/v1/partner/payments?limit=1")).total;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The text of the chosen option of a select. */
async function selectedLabel(page: Page, label: string): Promise<string> {
  return (await page.getByLabel(label, { exact: true }).locator("option:checked").textContent())!.trim();
}

test("a partner picks students by grade, county and school, sponsors them and finds them in the list", async ({ page }) => {
  await signInAsPartner(page);
  const before = await sponsorshipTotal(page);

  await page.goto("/dashboard/sponsorships");
  await page.getByRole("link", { name: "New sponsorship" }).click();
  await expect(page).toHaveURL(/\/dashboard\/sponsorships\/new$/);
  await expect(page.getByRole("heading", { name: "New sponsorship", level: 1 })).toBeVisible();
  await expect(page.getByTestId("picker-row").first()).toBeVisible();

  // County first, then the grade and school of a student listed there, so the combination has students.
  await page.getByLabel("County", { exact: true }).selectOption({ index: 1 });
  const county = await selectedLabel(page, "County");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/county_id=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("picker-county").first()).toHaveText(county);
  for (const text of await page.getByTestId("picker-county").allTextContents()) expect(text).toBe(county);

  const school = (await page.getByTestId("picker-school").first().textContent())!;
  const grade = (await page.getByTestId("picker-grade").first().textContent())!;
  await page.getByLabel("Grade", { exact: true }).selectOption({ label: grade });
  await page.getByLabel("School", { exact: true }).selectOption({ label: school });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?grade_level=\d+&county_id=[0-9a-f-]{36}&school_id=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("picker-summary")).toBeVisible();
  const rows = page.getByTestId("picker-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await page.getByTestId("picker-grade").allTextContents()) expect(text).toBe(grade);
  for (const text of await page.getByTestId("picker-school").allTextContents()) expect(text).toBe(school);
  for (const text of await page.getByTestId("picker-county").allTextContents()) expect(text).toBe(county);

  // Pick up to two students of this school and grade.
  const names = (await page.getByTestId("picker-student").allTextContents()).slice(0, 2);
  for (const name of names) await page.getByRole("checkbox", { name, exact: true }).check();
  await expect(page.getByTestId("selected-student")).toHaveCount(names.length);

  // Search by name: the list narrows to students of that name, and those already chosen stay chosen.
  const lastName = names[0]!.split(" ").at(-1)!;
  await page.getByLabel("Name", { exact: true }).fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${lastName.toLowerCase()}`));
  await expect(page.getByTestId("picker-student").first()).toContainText(lastName);
  for (const text of await page.getByTestId("picker-student").allTextContents())
    expect(text.toLowerCase()).toContain(lastName.toLowerCase());
  await expect(page.getByTestId("selected-student")).toHaveCount(names.length);

  await page.getByLabel("Amount per student").fill("25000");
  await page.getByLabel("Start date").fill("2027-01-01");
  await page.getByLabel("End date").fill("2027-12-31");
  await page.getByLabel("Notes (optional)").fill("Sponsored from the browser tests.");
  await expect(page.getByTestId("sponsorship-total")).toContainText(formatMoney(25000 * names.length, "KES"));
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "e2e/output/screenshots/sponsorship-new.png", fullPage: true });

  await page.getByRole("button", { name: names.length > 1 ? `Create ${names.length} sponsorships` : "Create sponsorship" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/sponsorships\\?created=${names.length}$`));
  await expect(page.getByTestId("sponsorships-created")).toBeVisible();
  expect(await sponsorshipTotal(page)).toBe(before + names.length);

  // Newest first: the new sponsorships head the list, pending, for the chosen students.
  const listed = (await page.getByTestId("sponsorship-student").allTextContents()).slice(0, names.length);
  expect([...listed].sort()).toEqual([...names].sort());
  for (let i = 0; i < names.length; i++) {
    await expect(page.getByTestId("sponsorship-status").nth(i)).toHaveText("Pending");
    await expect(page.getByTestId("sponsorship-amount").nth(i)).toHaveText(formatMoney(25000, "KES"));
  }
  await page.screenshot({ path: "e2e/output/screenshots/sponsorship-created.png", fullPage: true });

  // The sponsored students are no longer offered for these dates.
  await page.goto("/dashboard/sponsorships/new");
  await page.getByLabel("County", { exact: true }).selectOption({ label: county });
  await page.getByLabel("Grade", { exact: true }).selectOption({ label: grade });
  await page.getByLabel("School", { exact: true }).selectOption({ label: school });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/school_id=/);
  await expect(page.getByTestId("picker-summary")).toBeVisible();
  const remaining = await page.getByTestId("picker-student").allTextContents();
  for (const name of names) expect(remaining).not.toContain(name);
});

test("empty or invalid forms show errors next to the fields and create nothing", async ({ page }) => {
  await signInAsPartner(page);
  const [sponsorships, programs, payments] = await Promise.all([sponsorshipTotal(page), programTotal(page), paymentTotal(page)]);

  // Sponsorship: nothing filled in.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/dashboard/sponsorships/new");
  await page.getByRole("button", { name: "Create sponsorship" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByTestId("student-ids-error")).toHaveText("Students: Add at least one.");
  await expect(page.getByLabel("Amount per student")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Start date")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("End date")).toHaveAttribute("aria-invalid", "true");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: "e2e/output/screenshots/sponsorship-errors-375.png", fullPage: true });

  // Course-specific without courses, end before start.
  await page.setViewportSize({ width: 1280, height: 900 });
  const first = (await page.getByTestId("picker-student").first().textContent())!;
  await page.getByRole("checkbox", { name: first, exact: true }).check();
  await page.getByRole("radio", { name: /^Course specific/ }).check();
  await page.getByLabel("Amount per student").fill("1000");
  await page.getByLabel("Start date").fill("2027-06-01");
  await page.getByLabel("End date").fill("2027-01-01");
  await page.getByRole("button", { name: "Create sponsorship" }).click();
  await expect(page.getByTestId("student-ids-error")).toHaveCount(0);
  await expect(page.getByRole("group", { name: /Courses covered/ })).toContainText("Is required for course_specific sponsorships.");
  await expect(page.getByLabel("Amount per student")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Must be after start_date.")).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/sponsorship-errors.png", fullPage: true });

  // Program: nothing filled in.
  await page.goto("/dashboard/programs/new");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  for (const label of ["Name", "Description", "Target students", "Budget", "Start date", "End date"]) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
  }
  await page.getByLabel("Maximum monthly household income (KES)").fill("0");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page.getByLabel("Maximum monthly household income (KES)")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "e2e/output/screenshots/program-errors.png", fullPage: true });

  // Payment: M-Pesa without a valid phone, a bank transfer of nothing.
  await page.goto("/dashboard/payments/new");
  await page.getByLabel("Amount", { exact: true }).fill("1000");
  await page.getByLabel("M-Pesa phone number").fill("0812345678");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByLabel("M-Pesa phone number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Must be a Safaricom mobile number such as 0712345678 for M-Pesa.")).toBeVisible();
  await page.getByRole("radio", { name: /^Bank transfer/ }).check();
  await page.getByLabel("Amount", { exact: true }).fill("0");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByLabel("Amount", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "e2e/output/screenshots/payment-errors.png", fullPage: true });

  expect(await sponsorshipTotal(page)).toBe(sponsorships);
  expect(await programTotal(page)).toBe(programs);
  expect(await paymentTotal(page)).toBe(payments);
});

test("a partner creates a program with eligibility and lands on its page", async ({ page }) => {
  await signInAsPartner(page);
  await page.goto("/dashboard/programs");
  await page.getByRole("link", { name: "New program" }).click();
  await expect(page).toHaveURL(/\/dashboard\/programs\/new$/);

  const name = `Kwale Digital Skills ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description", { exact: true }).fill("Digital skills for Grade 4–6 students in Mombasa and Kilifi.");
  await page.getByLabel("Target students").fill("30");
  await page.getByLabel("Budget", { exact: true }).fill("900000");
  await page.getByLabel("Start date").fill("2027-05-01");
  await page.getByLabel("End date").fill("2028-04-30");
  await page.getByRole("checkbox", { name: "CBC ICT Grade 4", exact: true }).check();
  await page.getByRole("checkbox", { name: "CBC ICT Grade 5", exact: true }).check();
  const grades = page.getByRole("group", { name: "Grades" });
  for (const grade of ["Grade 4", "Grade 5", "Grade 6"]) await grades.getByRole("checkbox", { name: grade, exact: true }).check();
  const counties = page.getByRole("group", { name: "Counties" });
  await counties.getByRole("checkbox", { name: "Mombasa", exact: true }).check();
  await counties.getByRole("checkbox", { name: "Kilifi", exact: true }).check();
  await page.getByLabel("Maximum monthly household income (KES)").fill("50000");
  await expect(page.getByTestId("program-per-student")).toHaveText(`About ${formatMoney(30000, "KES")} per student.`);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "e2e/output/screenshots/program-new.png", fullPage: true });

  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page).toHaveURL(/\/dashboard\/programs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const eligibility = page.getByTestId("program-eligibility");
  await expect(eligibility).toContainText("4, 5, 6");
  await expect(eligibility).toContainText("Kilifi, Mombasa");
  await expect(eligibility).toContainText(formatMoney(50000, "KES"));
  await expect(page.getByRole("region", { name: "Courses" })).toContainText("CBC ICT Grade 4");
  await page.screenshot({ path: "e2e/output/screenshots/program-created.png", fullPage: true });

  await page.goto("/dashboard/programs?status=planning");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});

test("a partner pays by each method, sees what happens next, and finds each payment in the list", async ({ page }) => {
  await signInAsPartner(page);
  await page.goto("/dashboard/payments");
  await page.getByRole("link", { name: "Make a payment" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/new$/);
  await expectNoAxeViolations(page);

  const made: Array<{ reference: string; method: string; amount: string; description: string; status: string }> = [];
  const stamp = Date.now();

  async function pay(
    method: RegExp,
    label: string,
    amount: number,
    currency: string,
    fill: () => Promise<void>,
    nextSteps: (string | RegExp)[],
    shot: string,
    settle?: () => Promise<string>,
  ) {
    await page.getByRole("radio", { name: method }).check();
    await page.getByLabel("Amount", { exact: true }).fill(String(amount));
    if (currency !== "KES") await page.getByLabel("Currency", { exact: true }).selectOption(currency);
    const description = `${label} payment ${stamp}`;
    await page.getByLabel("Description (optional)").fill(description);
    await fill();
    await page.getByRole("button", { name: /^Pay / }).click();
    const panel = page.getByTestId("payment-next-steps");
    await expect(panel).toBeVisible();
    for (const text of nextSteps) await expect(panel).toContainText(text);
    await expect(page.getByTestId("payment-amount")).toHaveText(formatMoney(amount, currency));
    const reference = (await page.getByTestId("payment-reference").textContent())!;
    const status = settle ? await settle() : "Pending";
    made.push({ reference, method: label, amount: formatMoney(amount, currency), description, status });
    await page.screenshot({ path: `e2e/output/screenshots/${shot}.png`, fullPage: true });
    await page.getByRole("button", { name: "Make another payment" }).click();
  }

  await pay(
    /^M-Pesa/,
    "M-Pesa",
    15000,
    "KES",
    () => page.getByLabel("M-Pesa phone number").fill("0712 345 678"),
    ["Answer the simulated prompt", "Sandbox M-Pesa", "+254712345678", "no money moves"],
    "payment-mpesa",
    async () => {
      // The sandbox's simulated phone stands in for the prompt a real phone would show.
      await page.getByRole("button", { name: "Approve: enter PIN" }).click();
      await expect(page.getByTestId("mpesa-sandbox-prompt")).toContainText(/Paid\. M-Pesa receipt SBX[0-9A-F]{8}/);
      return "Completed";
    },
  );
  await pay(
    /^Bank transfer/,
    "Bank transfer",
    150000,
    "KES",
    async () => {
      await page.getByLabel("Bank transfer reference (optional)").fill("BT_REF_12345");
      await page.getByLabel("Program (optional)").selectOption({ index: 1 });
    },
    ["BT_REF_12345", "administrator", "verification pending"],
    "payment-bank-transfer",
  );
  await pay(
    /^Bank transfer/,
    "Bank transfer",
    80000,
    "KES",
    async () => {},
    ["Transfer", "quote", "Demo details: do not send money to this account.", "Reference to quote"],
    "payment-bank-transfer-instructions",
  );
  await pay(/^PayPal/, "PayPal", 500, "USD", async () => {}, ["PayPal"], "payment-paypal");
  await pay(
    /^Card \(Stripe\)/,
    "Card (Stripe)",
    20000,
    "KES",
    async () => {
      const group = page.getByRole("group", { name: "Sponsorships to fund (optional)" });
      if (await group.count()) await group.getByRole("checkbox").first().check();
    },
    ["Sandbox card payment", "no card is charged", "Pay by card"],
    "payment-stripe",
  );

  await page.goto("/dashboard/payments");
  for (const payment of made) {
    const row = page.getByTestId("payment-row").filter({ hasText: payment.reference });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(payment.method);
    await expect(row).toContainText(payment.amount);
    await expect(row).toContainText(payment.description);
    await expect(row).toContainText(payment.status);
  }
  await page.screenshot({ path: "e2e/output/screenshots/payments-after-forms.png", fullPage: true });

  // Without Stripe keys the card payment is a sandbox charge: its simulated card payment settles it as Stripe's confirmation would.
  const card = made.find((payment) => payment.method === "Card (Stripe)")!;
  await page.getByTestId("payment-row").filter({ hasText: card.reference }).getByRole("link", { name: "Pay by card" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\/[0-9a-f-]{36}\/pay$/);
  await expect(page.getByTestId("sandbox-notice")).toContainText("Sandbox payments: no real money moves");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Complete sandbox payment of ${card.amount}` }).click();
  await expect(page.getByTestId("card-sandbox-prompt")).toContainText("Paid. The payment is completed and its invoice paid.");
  await page.screenshot({ path: "e2e/output/screenshots/payment-card-sandbox.png", fullPage: true });
  await page.getByRole("link", { name: "View your payments" }).click();
  await expect(page.getByTestId("payment-row").filter({ hasText: card.reference })).toContainText("Completed");
});
