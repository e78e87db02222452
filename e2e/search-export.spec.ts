import fs from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parseCsv } from "../tests/helpers/csv";
import { signIn } from "./support/session";

async function csvOf(download: Download): Promise<string[][]> {
  return parseCsv(await fs.readFile((await download.path())!, "utf8"));
}

async function exportCsv(page: Page): Promise<{ rows: string[][]; filename: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  return { rows: await csvOf(download), filename: download.suggestedFilename() };
}

test("a partner searches sponsorships by student with a status filter and exports exactly the matches", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  const listed = await page.request.get("/api/v1/partner/sponsorships?status=active&limit=100");
  expect(listed.status()).toBe(200);
  const { sponsorships, total } = (await listed.json()) as {
    sponsorships: Array<{ id: string; student: { name: string } }>;
    total: number;
  };
  expect(total).toBeLessThanOrEqual(100);
  // The first active student's surname, typed in small letters: the search ignores case.
  const surname = sponsorships[0]!.student.name.split(" ").at(-1)!;
  const expected = sponsorships.filter((item) => item.student.name.toLowerCase().includes(surname.toLowerCase()));
  expect(expected.length).toBeLessThan(sponsorships.length);

  await page.goto("/dashboard/sponsorships?status=active");
  await page.getByRole("searchbox", { name: "Search by student" }).fill(surname.toLowerCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(surname.toLowerCase())}`));
  const rows = page.getByTestId("sponsorship-row");
  await expect(rows).toHaveCount(expected.length);
  for (const name of await page.getByTestId("sponsorship-student").allTextContents())
    expect(name.toLowerCase()).toContain(surname.toLowerCase());
  await expect(page.getByTestId("sponsorships-total")).toHaveText(String(expected.length));

  const { rows: csv, filename } = await exportCsv(page);
  expect(filename).toMatch(/^sponsorships-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = csv;
  expect(header?.slice(0, 2)).toEqual(["sponsorship_id", "student"]);
  expect(records.map((record) => record[0]).sort()).toEqual(expected.map((item) => item.id).sort());
  expect(records.every((record) => record[6] === "active")).toBe(true);

  // The status links keep the search.
  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "All", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(surname.toLowerCase())}`));
  await expect(page.getByRole("searchbox", { name: "Search by student" })).toHaveValue(surname.toLowerCase());
});

test("a partner searches sponsored students by name with a grade filter and exports exactly the matches", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  type Student = { id: string; name: string; school: string; grade_level: number };
  const everyone = (await (await page.request.get("/api/v1/partner/sponsored-students?limit=100")).json()) as { students: Student[] };
  const grade = everyone.students[0]!.grade_level;
  const listed = await page.request.get(`/api/v1/partner/sponsored-students?grade_level=${grade}&limit=100`);
  expect(listed.status()).toBe(200);
  const { students, total } = (await listed.json()) as { students: Student[]; total: number };
  expect(total).toBeLessThanOrEqual(100);
  // The first student's surname in capitals: the search ignores case and reads the school too.
  const needle = students[0]!.name.split(" ").at(-1)!.toUpperCase();
  const expected = students.filter((student) =>
    [student.name, student.school].some((text) => text.toLowerCase().includes(needle.toLowerCase())),
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThanOrEqual(20);

  await page.goto(`/dashboard/students?grade_level=${grade}`);
  await page.getByRole("searchbox", { name: "Search students" }).fill(needle);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  expect(new URL(page.url()).searchParams.get("grade_level")).toBe(String(grade));
  expect(new URL(page.url()).searchParams.get("q")).toBe(needle);
  await expect(page.getByTestId("student-row")).toHaveCount(expected.length);
  await expect(page.getByTestId("stat-students_total")).toHaveText(String(expected.length));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("students-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^students-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = await csvOf(download);
  expect(header?.slice(0, 3)).toEqual(["student_id", "student", "grade_level"]);
  expect(records.map((record) => record[0]).sort()).toEqual(expected.map((student) => student.id).sort());
  expect(records.every((record) => record[2] === String(grade))).toBe(true);

  // The performance links keep the search and the grade.
  await page.getByRole("navigation", { name: "Performance" }).getByRole("link", { name: "Improving", exact: true }).click();
  await expect(page).toHaveURL(/performance=improving/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(needle);
  expect(new URL(page.url()).searchParams.get("grade_level")).toBe(String(grade));
  await expect(page.getByRole("searchbox", { name: "Search students" })).toHaveValue(needle);
});

test("an owner searches the audit log with the outcome filter and exports exactly the matches", async ({ page, baseURL }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  // Two refused API writes with the session (invalid bodies change nothing), so the log has rows to find.
  for (const path of ["/api/v1/partner/payments", "/api/v1/partner/programs"]) {
    const refused = await page.request.post(path, { headers: { Origin: baseURL! }, data: {} });
    expect(refused.status()).toBe(422);
  }
  const log = await page.request.get("/api/v1/organization/audit-log?succeeded=false&limit=100");
  expect(log.status()).toBe(200);
  type Event = { id: string; action: string; member: string | null; email: string | null; error: string | null };
  const { audit_events: events, pagination } = (await log.json()) as { audit_events: Event[]; pagination: { total: number } };
  expect(pagination.total).toBeLessThanOrEqual(100);
  const term = "partner/payments";
  const expected = events.filter((event) =>
    [event.action, event.member, event.email, event.error].some((text) => text?.toLowerCase().includes(term)),
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(events.length);

  await page.goto("/team/audit?succeeded=false");
  await page.getByRole("searchbox", { name: "Search the audit log" }).fill(term.toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/succeeded=false/);
  await expect(page.getByTestId("audit-row")).toHaveCount(Math.min(expected.length, 50));
  for (const action of await page.getByTestId("audit-action").allTextContents()) expect(action).toContain(term);

  const { rows: csv, filename } = await exportCsv(page);
  expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = csv;
  expect(header).toContain("action");
  expect(records).toHaveLength(expected.length);
  expect(
    records.every((record) => record[header!.indexOf("action")]!.includes(term) && record[header!.indexOf("succeeded")] === "false"),
  ).toBe(true);
});

test("a table shown whole filters its rows as the reader types and exports the rows matched", async ({ page }) => {
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  await page.goto("/dashboard/payments/standing-orders");
  const table = page.getByTestId("standing-orders-table");
  const all = table.locator("tbody tr");
  const count = await all.count();
  expect(count).toBeGreaterThan(0);
  const first = (await all.first().locator("td").first().textContent())!.replace(/\s+/g, " ").trim();
  await page.getByRole("searchbox", { name: /^Search standing orders/ }).fill(first);
  const visible = table.locator("tbody tr:visible");
  const matched = await visible.count();
  expect(matched).toBeLessThanOrEqual(count);
  for (const text of await visible.allTextContents()) expect(text.toLowerCase()).toContain(first.toLowerCase());
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  const [header, ...records] = await csvOf(download);
  expect(header!.length).toBeGreaterThan(1);
  expect(records).toHaveLength(matched);
  expect(records.every((record) => record.join(" ").toLowerCase().includes(first.toLowerCase()))).toBe(true);
});
