import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { screenshot, signIn } from "./helpers";

// Find an intervention by a name, take the list away as a file, and read it on a phone. Reads only: the
// later flows' counts are left as they were.

const rowsOf = (page: Page) => page.getByRole("table").locator("tbody tr");

/** The numbers of the interventions the list shows (`#12 Preventive check` → 12). */
async function listedIds(page: Page): Promise<number[]> {
  await expect(rowsOf(page).first()).toBeVisible();
  const hrefs = await rowsOf(page)
    .locator('td a[href^="/interventions/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => Number(href.split("/").at(-1))).sort((a, b) => a - b);
}

async function downloadCsv(page: Page, linkName: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, rows: parse(bytes.subarray(3)) as string[][] };
}

test("`/` focuses the search box, which finds interventions by site and by assignee", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/compliance");
  // From another page, `/` opens the list with the box focused.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("/");
  await expect(page).toHaveURL(/\/interventions#search$/);
  const box = page.getByRole("searchbox", { name: "Search" });
  await expect(box).toBeFocused();
  // On the desktop the filters stay open, with no button to fold them.
  await expect(page.getByRole("form", { name: "Filters" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();

  await box.fill("Tilleuls");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/interventions\?q=Tilleuls$/);
  const bySite = await listedIds(page);
  expect(bySite.length).toBeGreaterThan(0);
  await screenshot(page, "interventions-search");
  // The site filter gives the same interventions as its name typed in the box.
  await page
    .getByRole("form", { name: "Filters" })
    .getByLabel("Site")
    .selectOption({ label: "Résidence Les Tilleuls" });
  await page.getByRole("form", { name: "Filters" }).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/siteId=\d+.*q=Tilleuls|q=Tilleuls.*siteId=\d+/);
  expect(await listedIds(page)).toEqual(bySite);

  // Pressing `/` elsewhere on the list focuses the box; typed in a field, it is a character.
  await page.goto("/interventions");
  await page.getByRole("heading", { name: "Interventions" }).click();
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await box.pressSequentially("Karim/");
  await expect(box).toHaveValue("Karim/");
  await box.fill("Benali");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?q=Benali$/);
  await expect(rowsOf(page).first()).toBeVisible();
  for (const assignee of await rowsOf(page).locator("td:last-child").allTextContents()) {
    expect(assignee).toContain("Karim Benali");
  }
});

test("Export CSV downloads the list as filtered, with a BOM, in words", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/interventions?status=scheduled&q=Tilleuls");
  const listed = await listedIds(page);
  const { name, bytes, rows } = await downloadCsv(page, "Export CSV");
  expect(name).toMatch(/^interventions-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(rows[0]).toEqual([
    "Number",
    "Type",
    "Status",
    "Scheduled start",
    "Scheduled end",
    "Done on",
    "Sites",
    "Description",
    "Assignee",
    "Provider company",
  ]);
  const body = rows.slice(1);
  expect(body.map((row) => Number(row[0])).sort((a, b) => a - b)).toEqual(listed);
  for (const row of body) {
    expect(row[2]).toBe("Scheduled");
    expect(row[6]).toContain("Résidence Les Tilleuls");
  }

  await page.goto("/compliance");
  const grid = await downloadCsv(page, "Export CSV");
  expect(grid.name).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...grid.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(grid.rows[0]?.slice(0, 3)).toEqual(["Site", "Rule", "Status"]);
  expect(grid.rows.length).toBeGreaterThan(1);
});

async function phone(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  return { context, page: await context.newPage() };
}

for (const [locale, prefix, filters, formName] of [
  ["en-GB", "", "Filters (1)", "Filters"],
  ["fr-FR", "fr-", "Filtres (1)", "Filtres"],
] as const) {
  test(`on a phone (${locale}) the filters fold behind a button and the list reads as cards`, async ({ browser }) => {
    const { context, page } = await phone(browser, locale);
    await signIn(page, "manager@acme.example", "/interventions?type=preventive");
    const toggle = page.getByRole("button", { name: filters });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("form", { name: formName })).toBeHidden();
    const first = rowsOf(page).first();
    await expect(first).toBeInViewport();
    expect(await first.evaluate((row) => getComputedStyle(row).display)).toBe("block");
    await screenshot(page, `${prefix}phone-interventions`);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("form", { name: formName })).toBeVisible();
    await screenshot(page, `${prefix}phone-interventions-filters`);
    await context.close();
  });
}
