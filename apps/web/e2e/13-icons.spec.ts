import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

// No request of any dashboard page answers 404, the browser's own favicon request included; the icons exist.

function watchNotFound(page: Page): string[] {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(`${response.request().method()} ${response.url()}`);
  });
  return missing;
}

test("the icons a browser asks for are there", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-icon.png", /image\/png/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
});

test("every page of the dashboard loads without a single 404, and names its icons", async ({ page }) => {
  const missing = watchNotFound(page);
  await page.goto("/sign-in", { waitUntil: "networkidle" });
  const icons = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.some((href) => href.includes("/icon.svg"))).toBe(true);
  expect(icons.some((href) => href.includes("/apple-icon.png"))).toBe(true);
  for (const href of icons) expect((await page.request.get(href)).status(), href).toBe(200);

  await signIn(page, "admin@acme.example", "/compliance");
  const pages = ["/", "/compliance", "/compliance/routines", "/interventions", "/planning", "/planning?view=week"];
  pages.push("/sites", "/anomalies", "/members", "/webhooks");
  for (const path of pages) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // And the pages behind the lists' first links: an intervention, a site, a check to plan.
  for (const [list, link] of [
    ["/interventions", 'table a[href^="/interventions/"]'],
    ["/sites", 'table a[href^="/sites/"]'],
    ["/compliance", 'a[href^="/compliance/plan?"]'],
  ] as const) {
    await page.goto(list, { waitUntil: "networkidle" });
    // Every check of the demo may already be planned: then there is no check to plan.
    if (link.startsWith('a[href^="/compliance') && (await page.locator(link).count()) === 0) continue;
    await page.locator(link).first().click();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
