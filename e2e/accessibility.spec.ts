/**
 * Every page, for each kind of user, at desktop (1440 px) and phone (360 px) width: an axe
 * scan (WCAG 2.1 A and AA) with no serious or critical violations, nothing wider than the
 * screen, and a full-page screenshot of each, kept in e2e/output/screenshots/pages.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

const SCREENSHOTS = "e2e/output/screenshots/pages";

async function firstHref(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  // The page streams in after its loading state; its heading marks the content as there.
  await expect(page.locator("main h1").first()).toBeVisible();
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((value) => pattern.test(value));
  expect(href, `a link matching ${pattern} on ${listPath}`).toBeTruthy();
  return href!;
}

const DESKTOP = { width: 1440, height: 900 };
// The narrowest phone in common use; every page must fit it without sideways scrolling.
const PHONE = { width: 360, height: 780 };

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}

/** The elements that stick out past the right edge of the screen, outside any box that scrolls them. */
async function overflowing(page: Page): Promise<{ scrollWidth: number; clientWidth: number; elements: string[] }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const scrolls = (element: Element | null): boolean => {
      for (let node = element; node; node = node.parentElement)
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(node).overflowX)) return true;
      return false;
    };
    const elements = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > clientWidth + 1 && !scrolls(element.parentElement))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120));
    return { scrollWidth, clientWidth, elements };
  });
}

/**
 * One page at desktop and at phone width: no serious accessibility violation at either,
 * nothing wider than the phone's screen (tables scroll inside their own box), and a
 * full-page screenshot of each.
 */
async function checkPage(page: Page, name: string, path: string) {
  await page.setViewportSize(DESKTOP);
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  // Charts and client components settle before the scan.
  await page.waitForLoadState("networkidle");
  expect.soft(await seriousViolations(page), `${name} (${path})`).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  await page.setViewportSize(PHONE);
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  const overflow = await overflowing(page);
  expect
    .soft(overflow.scrollWidth, `${name} is ${overflow.scrollWidth}px wide at ${PHONE.width}px: ${overflow.elements.join(", ")}`)
    .toBeLessThanOrEqual(overflow.clientWidth);
  expect.soft(overflow.elements, `${name}: elements past the screen's edge`).toEqual([]);
  expect.soft(await seriousViolations(page), `${name} (${path}) at phone width`).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
}

test("the sign-in page", async ({ page }) => {
  await checkPage(page, "login", "/login");
});

test.describe("partner pages", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "partner@demo.test", /\/dashboard$/);
  });
  const pages: Array<[string, string]> = [
    ["dashboard", "/dashboard"],
    ["impact", "/dashboard/impact"],
    ["sponsorships", "/dashboard/sponsorships"],
    ["students", "/dashboard/students"],
    ["counties", "/dashboard/counties"],
    ["counties-improvement", "/dashboard/counties?measure=improvement"],
    ["programs", "/dashboard/programs"],
    ["payments", "/dashboard/payments"],
    ["reports", "/dashboard/reports"],
    ["sponsorship-new", "/dashboard/sponsorships/new"],
    ["program-new", "/dashboard/programs/new"],
    ["payment-new", "/dashboard/payments/new"],
    ["standing-orders", "/dashboard/payments/standing-orders"],
    ["standing-order-new", "/dashboard/payments/standing-orders/new"],
    ["statements", "/dashboard/payments/statements"],
    ["organization", "/dashboard/organization"],
    ["team", "/team"],
    ["audit", "/team/audit"],
    ["notifications", "/notifications"],
    ["account", "/account"],
    ["docs", "/docs"],
    ["not-found", "/dashboard/no-such-page"],
  ];
  for (const [name, path] of pages) {
    test(name, async ({ page }) => {
      await checkPage(page, name, path);
    });
  }
  test("sponsorship", async ({ page }) => {
    await checkPage(page, "sponsorship", await firstHref(page, "/dashboard/sponsorships", /^\/dashboard\/sponsorships\/[0-9a-f-]{36}$/));
  });
  test("student", async ({ page }) => {
    await checkPage(page, "student", await firstHref(page, "/dashboard/students", /^\/dashboard\/students\/[0-9a-f-]{36}$/));
  });
  test("program", async ({ page }) => {
    await checkPage(page, "program", await firstHref(page, "/dashboard/programs", /^\/dashboard\/programs\/[0-9a-f-]{36}$/));
  });
  test("payment", async ({ page }) => {
    await checkPage(page, "payment", await firstHref(page, "/dashboard/payments", /^\/dashboard\/payments\/[0-9a-f-]{36}$/));
  });
  test("standing order", async ({ page }) => {
    await checkPage(
      page,
      "standing-order",
      await firstHref(page, "/dashboard/payments/standing-orders", /^\/dashboard\/payments\/standing-orders\/[0-9a-f-]{36}$/),
    );
  });
});

test("admin queue", async ({ page }) => {
  await signIn(page, "admin@demo.test", /\/admin$/);
  await checkPage(page, "admin", "/admin");
});

test("admin issuer details", async ({ page }) => {
  await signIn(page, "admin@demo.test", /\/admin$/);
  await checkPage(page, "admin-organization", "/admin/organization");
});

test("admin disputes", async ({ page }) => {
  await signIn(page, "admin@demo.test", /\/admin$/);
  await checkPage(page, "admin-disputes", "/admin/disputes");
});

test("the API reference, signed out", async ({ page }) => {
  await checkPage(page, "docs-public", "/docs");
});

for (const side of ["brand", "creator"] as const) {
  test.describe(`${side} workspace`, () => {
    test.beforeEach(async ({ page }) => {
      await signIn(page, `${side}@demo.test`, /\/workspace$/);
    });
    test("workspace", async ({ page }) => {
      await checkPage(page, `workspace-${side}`, "/workspace");
    });
    test("partnership", async ({ page }) => {
      await checkPage(page, `partnership-${side}`, await firstHref(page, "/workspace", /^\/workspace\/partnerships\/[0-9a-f-]{36}$/));
    });
    test("proposal", async ({ page }) => {
      await checkPage(page, `proposal-${side}`, await firstHref(page, "/workspace", /^\/workspace\/proposals\/[0-9a-f-]{36}$/));
    });
    test("proposal composer", async ({ page }) => {
      await checkPage(page, `proposal-new-${side}`, "/workspace/proposals/new");
    });
    test("team", async ({ page }) => {
      await checkPage(page, `team-${side}`, "/team");
    });
    test("notifications", async ({ page }) => {
      await checkPage(page, `notifications-${side}`, "/notifications");
    });
    test("calendar", async ({ page }) => {
      await checkPage(page, `calendar-${side}`, "/workspace/calendar");
    });
    if (side === "brand") {
      test("campaigns", async ({ page }) => {
        await checkPage(page, "campaigns-brand", "/workspace/campaigns");
      });
      test("campaign", async ({ page }) => {
        await checkPage(page, "campaign-brand", await firstHref(page, "/workspace/campaigns", /^\/workspace\/campaigns\/[0-9a-f-]{36}$/));
      });
    }
  });
}
