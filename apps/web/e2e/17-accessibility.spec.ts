import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

// Every page a manager works in passes axe-core's WCAG 2.1 A and AA rules with no serious or critical
// violation, in both languages, on a desktop and on a phone; and the keyboard reaches the main actions with a
// focus that can be seen.

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const LANGUAGES = [
  { language: "en", locale: "en-GB", user: "manager@acme.example" },
  { language: "fr", locale: "fr-FR", user: "manager@lycee-hugo.example" },
] as const;

async function signedIn(browser: Browser, locale: string, user: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await signIn(page, user, "/");
  return page;
}

/** The serious and critical violations on the page as it stands, one line each, to read in a failure. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length, "axe checked nothing").toBeGreaterThan(10);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(" ")} — ${node.failureSummary}`,
      ),
    );
}

for (const { language, locale, user } of LANGUAGES) {
  for (const viewport of VIEWPORTS) {
    test(`${language}, ${viewport.name}: home, list, detail, compliance and planning pass axe`, async ({ browser }) => {
      const page = await signedIn(browser, locale, user, viewport);
      const id = await firstListedId(page, "?type=preventive&status=scheduled");
      const pages = ["/", "/interventions", `/interventions/${id}`, "/compliance", "/planning"];
      const found: Record<string, string[]> = {};
      for (const path of pages) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const seen = await violations(page);
        if (seen.length > 0) found[path] = seen;
      }
      expect(found).toEqual({});
      await page.context().close();
    });
  }
}

/** How the focused element is drawn: its outline, or a box-shadow ring. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      text: (element.textContent ?? element.getAttribute("aria-label") ?? "").trim(),
      tag: element.tagName.toLowerCase(),
      outline: style.outlineStyle !== "none" ? Number.parseFloat(style.outlineWidth) : 0,
      visible: element.getBoundingClientRect().width > 0,
    };
  });
}

test("the keyboard reaches the main actions, each with a visible focus ring", async ({ browser }) => {
  const page = await signedIn(browser, "en-GB", "manager@acme.example", { width: 1440, height: 900 });
  await page.goto("/interventions");
  await page.waitForLoadState("networkidle");
  const reached: string[] = [];
  for (let press = 0; press < 60; press += 1) {
    await page.keyboard.press("Tab");
    const ring = await focusRing(page);
    if (!ring) continue;
    expect(ring.visible, `${ring.tag} "${ring.text}" is focused but not visible`).toBe(true);
    expect(ring.outline, `${ring.tag} "${ring.text}" has no focus outline`).toBeGreaterThanOrEqual(2);
    reached.push(ring.text);
    if (press === 0) await screenshot(page, "keyboard-first-focus");
  }
  // The skip link first, then the navigation, the bell and the filters' Apply button.
  expect(reached[0]).toBe("Skip to content");
  for (const action of ["Interventions", "Planning", "Compliance", "Apply"]) {
    expect(
      reached.some((text) => text === action || text.startsWith(action)),
      action,
    ).toBe(true);
  }
  expect(reached.some((text) => text.startsWith("Notifications"))).toBe(true);

  await page.context().close();
});

/** Plans checks of `count` of the organization's check site rules on one day, as the plan form does. */
async function planBusyDay(page: Page, day: string, count: number): Promise<void> {
  const planned = await page.evaluate(
    async ({ day, count }) => {
      const options = await (await fetch("/api/trpc/session.options")).json();
      const { rules, siteRules } = options.result.data.json as {
        rules: { id: number; kind: number }[];
        siteRules: { id: number; ruleId: number }[];
      };
      const checks = siteRules.filter((siteRule) => rules.find((rule) => rule.id === siteRule.ruleId)?.kind === 1);
      let done = 0;
      for (const siteRule of checks.slice(0, count)) {
        const response = await fetch("/api/trpc/interventions.planPreventive", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            json: {
              siteRuleIds: [siteRule.id],
              scheduledStart: `${day}T08:00:00.000Z`,
              scheduledEnd: `${day}T10:00:00.000Z`,
              creationStatus: 1,
            },
          }),
        });
        if (response.ok) done += 1;
      }
      return done;
    },
    { day, count },
  );
  expect(planned).toBe(count);
}

for (const { language, locale, user } of LANGUAGES) {
  test(`${language}: a busy planning day shows four interventions and a button for the rest`, async ({ browser }) => {
    const day = language === "en" ? "2031-03-12" : "2031-03-13";
    const page = await signedIn(browser, locale, user, { width: 1440, height: 900 });
    await planBusyDay(page, day, 7);
    await page.goto(`/planning?view=month&date=${day}`);
    const cell = page
      .getByRole("list", { name: language === "en" ? "Days" : "Jours" })
      .locator("li.day")
      .filter({
        has: page.locator(`ul#day-${day}`),
      });
    await expect(cell.locator(`ul#day-${day} > li`)).toHaveCount(4);
    const more = cell.getByRole("button", { name: language === "en" ? "+3 more" : "+3 de plus" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await screenshot(page, `${language}-planning-busy-day`);
    await more.click();
    await expect(cell.locator(`ul#day-${day} > li`)).toHaveCount(7);
    const fewer = cell.getByRole("button", { name: language === "en" ? "Show fewer" : "En montrer moins" });
    await expect(fewer).toHaveAttribute("aria-expanded", "true");
    await fewer.click();
    await expect(cell.locator(`ul#day-${day} > li`)).toHaveCount(4);
    // The cell keeps its size: well within a screen.
    expect((await cell.boundingBox())?.height ?? 0).toBeLessThan(900 / 2);
    await page.context().close();
  });
}
