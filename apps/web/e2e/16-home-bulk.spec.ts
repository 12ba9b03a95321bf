import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// The home page a safety manager opens every morning, and acting on many interventions of the list at once.
// What it changes stays within what later flows count: two scheduled interventions change assignee and dates.

const KARIM = "Karim Benali (Sécurité Incendie Rhône)";

const sections = (page: Page) => page.locator("main section.card");
const list = (page: Page) => page.getByRole("table").locator("tbody tr");

async function browserIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

/** The ids of the ticked rows' links. */
async function idsOf(rows: Locator): Promise<number[]> {
  const hrefs = await rows
    .locator('a[href^="/interventions/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => Number(href.split("/").at(-1)));
}

test("a manager lands on what needs attention: overdue obligations, then their verifications", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "What needs attention" })).toBeVisible();
  const headings = await sections(page).locator("h2").allTextContents();
  expect(headings.slice(0, 2)).toEqual(["Obligations overdue or due soon", "Awaiting your verification"]);

  const obligations = page.getByRole("region", { name: "Obligations overdue or due soon" });
  await expect(obligations.locator(".home-summary")).toContainText(/^\d+ obligations? overdue/);
  await expect(obligations.locator(".badge.obligation-overdue").first()).toHaveText("Overdue");
  // Each says what comes next: the check already planned, or planning one.
  await expect(obligations.getByRole("link", { name: /^(Open the next check|Plan a check)$/ })).toHaveCount(
    await obligations.locator(".home-rows > li").count(),
  );
  await expect(obligations.getByRole("link", { name: "All overdue obligations" })).toHaveAttribute(
    "href",
    "/compliance?status=overdue",
  );

  const verifications = page.getByRole("region", { name: "Awaiting your verification" });
  await expect(verifications.locator(".home-summary")).toContainText(/^\d+ interventions? waits? for your decision/);
  await expect(verifications.locator(".badge.status-4").first()).toHaveText("Awaiting verification");
  await expect(page.getByRole("region", { name: "This week's plan" })).toBeVisible();
  await screenshot(page, "home");

  await verifications.getByRole("link", { name: "All interventions awaiting verification" }).click();
  await expect(page).toHaveURL(/\/interventions\?status=awaiting-verification$/);
});

test("a viewer reads the same home page without any action, and the list without selection", async ({ page }) => {
  await signIn(page, "viewer@acme.example", "/");
  await expect(page.getByRole("heading", { level: 1, name: "What needs attention" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Obligations overdue or due soon" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Awaiting your verification" })).toHaveCount(0);
  await expect(page.locator("main .button")).toHaveCount(0);
  await page.goto("/interventions");
  await expect(list(page).first()).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Act on the selected interventions" })).toHaveCount(0);
});

test("a manager assigns two interventions at once, then plans them for tomorrow; each keeps its history", async ({
  page,
}) => {
  await signIn(page, "manager@acme.example", "/interventions?status=scheduled");
  const rows = list(page).filter({ hasNotText: "Curative repair" });
  await expect(rows.first()).toBeVisible();
  const chosen = rows.filter({ has: page.getByRole("checkbox") });
  const ids = (await idsOf(chosen)).slice(0, 2);
  expect(ids).toHaveLength(2);
  for (const id of ids) {
    await page.getByRole("checkbox", { name: new RegExp(`^Select .*#${id} `) }).check();
  }
  const bulk = page.getByRole("region", { name: "Act on the selected interventions" });
  await expect(bulk).toContainText("2 interventions selected.");
  await bulk.getByLabel("Assign to").selectOption({ label: KARIM });
  await screenshot(page, "interventions-bulk");
  await bulk.getByRole("button", { name: "Assign the selection" }).click();
  await expect(bulk.getByRole("status")).toHaveText("2 interventions assigned.");

  // Tomorrow, 09:00 to 11:00 where the organization is (the form reads it in its time zone).
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const id of ids) {
    await page.getByRole("checkbox", { name: new RegExp(`^Select .*#${id} `) }).check();
  }
  await bulk.getByLabel("Start").fill(`${tomorrow}T09:00`);
  await bulk.getByLabel("End").fill(`${tomorrow}T11:00`);
  await bulk.getByRole("button", { name: "Plan the selection" }).click();
  await expect(bulk.getByRole("status")).toHaveText("2 interventions planned.");

  for (const id of ids) {
    await page.goto(`/interventions/${id}`);
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("Karim Benali");
    await expect(history).toContainText("09:00");
  }
});

test("a provider's technician sees their own work of today and tomorrow", async ({ page }) => {
  await signIn(page, "technician@acme.example", "/");
  const mine = page.getByRole("region", { name: "Your work today and tomorrow" });
  await expect(mine).toBeVisible();
  await expect(mine.locator(".home-summary")).toContainText(/^\d+ interventions? planned for you/);
  expect((await mine.locator("li").count()) >= 2).toBe(true);
  await expect(page.getByRole("region", { name: "Obligations overdue or due soon" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Awaiting your verification" })).toHaveCount(0);
  await screenshot(page, "home-technician");
});

test("a selection with one row that may not change is refused whole, each refused row saying why", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/interventions");
  await expect(list(page).first()).toBeVisible();
  const firstDates = await list(page).locator("td:nth-child(2)").allTextContents();
  await page.getByRole("checkbox", { name: "Select every intervention of this page" }).check();
  const bulk = page.getByRole("region", { name: "Act on the selected interventions" });
  await expect(bulk).toContainText(/\d+ interventions selected\./);
  await bulk.getByLabel("Start").fill("2030-01-07T09:00");
  await bulk.getByLabel("End").fill("2030-01-07T10:00");
  await bulk.getByRole("button", { name: "Plan the selection" }).click();
  await expect(bulk.getByRole("alert")).toContainText(/^Nothing was changed: \d+ selected interventions? cannot be/);
  const accepted = list(page)
    .filter({ has: page.locator(".badge.status-5") })
    .first();
  await expect(accepted.locator(".bulk-refusal")).toHaveText("Its status no longer allows re-planning.");
  const repair = list(page).filter({ hasText: "Curative repair" }).first();
  await expect(repair.locator(".bulk-refusal")).toHaveText("A repair is planned when it is created, not here.");
  await screenshot(page, "interventions-bulk-refused");
  // Nothing moved, the rows that could have been planned included.
  await page.reload();
  await expect(list(page).locator("td:nth-child(2)")).toHaveText(firstDates);
});

test("the home page and the selection speak French to a French browser", async ({ browser }) => {
  const { context, page } = await browserIn(browser, "fr-FR");
  await signIn(page, "manager@acme.example", "/");
  await expect(page.getByRole("heading", { level: 1, name: "Ce qui demande votre attention" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Obligations en retard ou bientôt dues" })).toBeVisible();
  await expect(page.getByRole("region", { name: "En attente de votre vérification" })).toBeVisible();
  await screenshot(page, "fr-home");
  await page.goto("/interventions");
  await page.getByRole("checkbox", { name: "Sélectionner toutes les interventions de cette page" }).check();
  await expect(page.getByRole("region", { name: "Agir sur les interventions sélectionnées" })).toContainText(
    /\d+ interventions sélectionnées\./,
  );
  await screenshot(page, "fr-interventions-bulk");
  await context.close();
});
