/**
 * What the browser sees of the hardening: the security headers on pages, API answers and
 * static files, pages that still run under the content security policy, a framing
 * attempt that the browser blocks, and a signed-out session cookie that stops working.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("pages, API answers and static files carry the security headers", async ({ page, request }) => {
  const login = await request.get("/login");
  const api = await request.get("/api/v1/partner/openapi.json");
  await page.goto("/login");
  const script = await page.locator("script[src]").first().getAttribute("src");
  const asset = await request.get(script!);
  for (const response of [login, api, asset]) {
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  }
  // Next.js puts the response's nonce on the page's own scripts.
  const nonce = /'nonce-([^']+)'/.exec(login.headers()["content-security-policy"])![1];
  expect(nonce).toHaveLength(24);
});

test("pages work under the content security policy, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, "partner@demo.test", /\/dashboard$/);
  for (const path of ["/dashboard", "/dashboard/impact", "/dashboard/payments/new", "/account"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  // Client code runs: a form validates in the browser without a round trip.
  await page.goto("/dashboard/payments/new");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  expect(violations).toEqual([]);
});

test("another site cannot frame the admin page", async ({ page }) => {
  // Framed, the page would at least show the sign-in page (this context has no session).
  await page.setContent(`<iframe id="victim" src="${test.info().project.use.baseURL}/admin"></iframe>`);
  const frame = page.frameLocator("#victim");
  // The browser refuses to render it: nothing of the app appears inside the frame.
  await expect(frame.locator("body")).not.toContainText("Harambee", { timeout: 5_000 });
});

test("a session cookie stops working once its session signs out", async ({ page, browser }) => {
  await signIn(page, "brand@demo.test", /\/workspace$/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);

  // A copy of the cookie, as someone who stole it would hold.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const before = await thief.request.get("/api/v1/auth/me");
  expect(before.status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const after = await thief.request.get("/api/v1/auth/me");
  expect(after.status()).toBe(401);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/workspace");
  await expect(thiefPage).toHaveURL(/\/login\?returnTo=%2Fworkspace$/);
  await thief.close();
});

test("signing out everywhere from the account page ends the other sessions too", async ({ page, browser }) => {
  await signIn(page, "creator2@demo.test", /\/workspace$/);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "creator2@demo.test", /\/workspace$/);

  await page.getByRole("link", { name: /\(creator\)/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);

  await otherPage.goto("/workspace");
  await expect(otherPage).toHaveURL(/\/login\?returnTo=%2Fworkspace$/);
  await other.close();
});
