import { expect, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

test("another organization's intervention is a not-found page", async ({ page, context }) => {
  await signIn(page, "manager@acme.example");
  const acmeId = await firstListedId(page, "");
  await context.clearCookies();
  await signIn(page, "admin@lycee-hugo.example");
  const response = await page.goto(`/interventions/${acmeId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(`#${acmeId}`)).toHaveCount(0);
});

test("a site's register lists its rules with last and next interventions, and its open anomalies", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/sites");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sites\/\d+$/);
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open anomalies" })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "site-register");
});

test("readable on a phone, usable with the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "manager@acme.example");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await screenshot(page, "interventions-phone");
});

test("the API reference works with no internet access", async ({ page }) => {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1")) elsewhere.push(request.url());
  });
  await page.goto("/docs");
  await expect(page.getByText("Create curative intervention with anomalies").first()).toBeVisible();
  await screenshot(page, "api-reference");
  expect(elsewhere).toEqual([]);
});
