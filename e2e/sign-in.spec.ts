import { expect, test } from "@playwright/test";

const PASSWORD = "demo-password";

test("a visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Harambee" })).toBeVisible();
  await page.screenshot({ path: "e2e/output/screenshots/login.png", fullPage: true });
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("partner@demo.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

for (const [email, landing, heading] of [
  ["partner@demo.test", "/dashboard", "Partner dashboard"],
  ["brand@demo.test", "/workspace", "Partnerships workspace"],
  ["creator@demo.test", "/workspace", "Partnerships workspace"],
  ["admin@demo.test", "/admin", "Payments to verify"],
] as const) {
  test(`${email} signs in, lands on ${landing} and signs out`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${landing}$`));
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    // Signed out, the page asked for sends the reader to sign in, to come back to it afterwards.
    await page.goto(landing);
    await expect(page).toHaveURL(new RegExp(`/login\\?returnTo=${encodeURIComponent(landing)}$`));
  });
}

test("the token endpoint issues a bearer token that the API accepts", async ({ request }) => {
  const token = await request.post("/api/v1/auth/token", { data: { email: "partner@demo.test", password: PASSWORD } });
  expect(token.status()).toBe(200);
  const body = await token.json();
  expect(body.token_type).toBe("bearer");

  const me = await request.get("/api/v1/auth/me", { headers: { Authorization: `Bearer ${body.access_token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("partner@demo.test");

  const anonymous = await request.get("/api/v1/auth/me");
  expect(anonymous.status()).toBe(401);
});
