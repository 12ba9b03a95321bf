import { expect, type Locator, type Page, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// The compliance engine from a manager's chair: where the obligations stand, planning the check of one that
// is overdue, and the routines behind the checks. The demo is seeded at the real date: some sites had their
// checks done (compliant), some never (never done); the manager makes one overdue by recording, late, a check
// done over a year ago.

const STATUS_WORDS = ["Overdue", "Due soon", "Never done", "Compliant"];
const PARKING = "Parking Part-Dieu";
const TILLEULS = "Résidence Les Tilleuls";
const EXTINGUISHERS = "Fire extinguishers";

const grid = (page: Page) => page.getByRole("table", { name: "Where each rule stands on each site" });
const statusTabs = (page: Page) => page.getByRole("list", { name: "Obligations by status" });

/** The number a tab shows: "Compliant (12)" → 12. */
async function countOf(tab: Locator): Promise<number> {
  const text = (await tab.textContent()) ?? "";
  const match = /\((\d+)\)$/.exec(text.trim());
  if (!match) throw new Error(`no count in "${text}"`);
  return Number(match[1]);
}

/** A datetime-local value `days` before today, at that hour (the form reads it in the organization's zone). */
function daysAgo(days: number, hour: string): string {
  return `${new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)}T${hour}`;
}

async function filterBySite(page: Page, site: string): Promise<void> {
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Site").selectOption({ label: site });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]siteId=\d+/);
}

test("a manager lands on the obligations: counts per status, the grid in words, filters that narrow it", async ({
  page,
}) => {
  await signIn(page, "manager@acme.example", "/compliance");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();

  // One tab per status with its count; together they are all the obligations.
  const tabs = statusTabs(page).getByRole("link");
  await expect(tabs).toHaveText([/^All \(\d+\)$/, ...STATUS_WORDS.map((word) => new RegExp(`^${word} \\(\\d+\\)$`))]);
  const all = await countOf(tabs.first());
  let sum = 0;
  for (const word of STATUS_WORDS) sum += await countOf(statusTabs(page).getByRole("link", { name: word }));
  expect(sum).toBe(all);
  expect(all).toBeGreaterThan(10);

  // Every cell says where it stands in words, on screen and in its title, not in colour alone.
  const cells = grid(page).locator(".obligation");
  await expect(cells).toHaveCount(all);
  for (const cell of await cells.all()) {
    const word = (await cell.locator("strong").textContent()) ?? "";
    expect(STATUS_WORDS).toContain(word);
    expect(await cell.getAttribute("title")).toContain(`: ${word}`);
  }
  await screenshot(page, "compliance");

  // By status: only cells of that status, as many as the tab said.
  const compliantTab = statusTabs(page).getByRole("link", { name: "Compliant" });
  const compliant = await countOf(compliantTab);
  expect(compliant).toBeGreaterThan(0);
  await compliantTab.click();
  await expect(page).toHaveURL(/status=compliant/);
  await expect(compliantTab).toHaveAttribute("aria-current", "true");
  await expect(cells).toHaveCount(compliant);
  await expect(cells.locator("strong")).toHaveText(Array(compliant).fill("Compliant"));

  // By site, on top of the status: that site's row only.
  const rows = grid(page).locator("tbody tr");
  const site = ((await rows.first().locator("th").textContent()) ?? "").trim();
  await filterBySite(page, site);
  await expect(page).toHaveURL(/status=compliant/);
  await expect(rows).toHaveCount(1);
  await expect(rows.locator("th")).toHaveText(site);
  await expect(cells.locator("strong")).toHaveText(Array(await cells.count()).fill("Compliant"));

  // All statuses of that site, counted for it, then a status it has none of.
  await statusTabs(page).getByRole("link", { name: /^All/ }).click();
  await expect(rows).toHaveCount(1);
  const siteAll = await countOf(statusTabs(page).getByRole("link", { name: /^All/ }));
  await expect(cells).toHaveCount(siteAll);
  let siteSum = 0;
  let none: string | undefined;
  for (const word of STATUS_WORDS) {
    const count = await countOf(statusTabs(page).getByRole("link", { name: word }));
    siteSum += count;
    if (count === 0) none ??= word;
  }
  expect(siteSum).toBe(siteAll);
  expect(none, "a status the site has none of").toBeDefined();
  await statusTabs(page)
    .getByRole("link", { name: none ?? "" })
    .click();
  await expect(page.getByText("No obligation matches these filters.")).toBeVisible();
});

test("planning the check of an overdue obligation that has nothing planned", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/compliance");

  // The parking's checks were never done, and one is booked: it was in fact done over a year ago, and is
  // recorded so now, which leaves the parking overdue with nothing planned.
  await filterBySite(page, PARKING);
  const bookedCell = grid(page).getByRole("link", { name: new RegExp(`^${EXTINGUISHERS} at ${PARKING}: Never done`) });
  await expect(bookedCell).toHaveText("Next check");
  await bookedCell.click();
  await expect(page).toHaveURL(/\/interventions\/\d+$/);
  const edit = page.getByRole("region", { name: "Edit this preventive check" });
  await edit.getByLabel("Scheduled start").fill(daysAgo(400, "09:00"));
  await edit.getByLabel("Scheduled end").fill(daysAgo(400, "11:00"));
  await edit.getByLabel("Creation status").selectOption({ label: "Done" });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting verification");

  // The grid now says so, and offers to plan the check.
  await page.goto("/compliance");
  await filterBySite(page, PARKING);
  await statusTabs(page).getByRole("link", { name: "Overdue" }).click();
  await expect(page).toHaveURL(/status=overdue/);
  const overdueCell = grid(page)
    .locator(".obligation", { hasText: "Overdue" })
    .filter({
      has: page.getByRole("link", {
        name: new RegExp(`^${EXTINGUISHERS} at ${PARKING}: Overdue, due .*nothing planned`),
      }),
    });
  await expect(overdueCell).toHaveCount(1);
  await expect(overdueCell).toHaveAttribute("title", /last done .*nothing planned/);
  await screenshot(page, "compliance-overdue");
  await overdueCell.getByRole("link", { name: /Plan a check$/ }).click();

  // The plan form: the obligation in words, then the plan.
  await expect(page).toHaveURL(/\/compliance\/plan\?siteRuleId=\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Plan a check: ${EXTINGUISHERS} at ${PARKING}`);
  await expect(page.locator("main .badge.obligation-overdue")).toHaveText("Overdue");
  await page.getByLabel("Assigned to").selectOption({ label: "Karim Benali (Sécurité Incendie Rhône)" });
  await page.getByLabel("Description").fill("Overdue extinguisher check, planned from the register");
  await page.getByRole("button", { name: "Plan the check" }).click();

  // The new check, and the cell now leading to it.
  await expect(page).toHaveURL(/\/interventions\/\d+$/);
  const planned = Number(page.url().split("/").at(-1));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Preventive check #${planned}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("To schedule");
  await expect(page.getByText("Overdue extinguisher check, planned from the register").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Sites and scope" })).toContainText(PARKING);

  await page.goto("/compliance");
  await filterBySite(page, PARKING);
  const nextCheck = grid(page).getByRole("link", {
    name: new RegExp(`^${EXTINGUISHERS} at ${PARKING}: Overdue, .*next check .*Open the next check$`),
  });
  await expect(nextCheck).toHaveAttribute("href", `/interventions/${planned}`);

  // The site's register says the same, in words and dates.
  await grid(page).getByRole("link", { name: PARKING, exact: true }).click();
  await expect(page).toHaveURL(/\/sites\/\d+$/);
  const rules = page.getByRole("table", { name: /Rules of Parking Part-Dieu/ });
  const extinguishers = rules.getByRole("row").filter({ hasText: EXTINGUISHERS });
  await expect(extinguishers.locator(".badge.obligation-overdue")).toHaveText("Overdue");
  await expect(extinguishers).toContainText(/Due \d{1,2} \w{3,4} \d{4}, \d\d:\d\d/);
  await screenshot(page, "site-register-status");
});

test.describe("the routines", () => {
  const row = (page: Page) => page.getByRole("row").filter({ hasText: TILLEULS }).filter({ hasText: EXTINGUISHERS });
  const routine = `${EXTINGUISHERS} at ${TILLEULS}`;

  test("a manager changes a routine's lead time and assignee, and finds them saved after a reload", async ({
    page,
  }) => {
    await signIn(page, "manager@acme.example", "/compliance");
    await page.getByRole("link", { name: "Routines", exact: true }).click();
    await expect(page).toHaveURL(/\/compliance\/routines$/);
    await expect(page.getByRole("heading", { level: 1, name: "Routines" })).toBeVisible();
    await expect(row(page)).toHaveCount(1);
    await expect(row(page)).toContainText("12 months");

    const leadTime = page.getByLabel(`Lead time in days: ${routine}`);
    const assignee = page.getByLabel(`Assigned to: ${routine}`);
    const save = page.getByRole("button", { name: `Save: ${routine}` });
    await expect(leadTime).toHaveValue("30");

    // Out of range: said beside the field, nothing saved.
    await leadTime.fill("400");
    await save.click();
    await expect(row(page).getByText("At most 365 days")).toBeVisible();
    await expect(leadTime).toHaveAttribute("aria-invalid", "true");

    await leadTime.fill("45");
    await assignee.selectOption({ label: "Marc Lambert (Safety manager)" });
    await save.click();
    await expect(row(page).getByRole("status")).toHaveText("Saved.");
    await screenshot(page, "routines");

    await page.reload();
    await expect(page.getByLabel(`Lead time in days: ${routine}`)).toHaveValue("45");
    await expect(page.getByLabel(`Assigned to: ${routine}`).locator("option:checked")).toHaveText(
      "Marc Lambert (Safety manager)",
    );
    // The other routines kept theirs.
    const others = page.getByLabel(/^Lead time in days: /);
    expect(
      (await others.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).sort(),
    ).toEqual([...Array((await others.count()) - 1).fill("30"), "45"].sort());
  });

  test("a viewer reads the routines, with no control to change them", async ({ page }) => {
    await signIn(page, "viewer@acme.example", "/compliance/routines");
    await expect(page.getByRole("heading", { level: 1, name: "Routines" })).toBeVisible();
    await expect(row(page)).toContainText("45 days before due");
    await expect(row(page)).toContainText("Marc Lambert");
    await expect(row(page)).toContainText("Active");
    await expect(page.getByRole("table").getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("spinbutton")).toHaveCount(0);
    await expect(page.getByRole("table").getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  });

  test("a provider's technician is not shown them", async ({ page }) => {
    await signIn(page, "technician@acme.example", "/compliance/routines");
    await expect(page.getByRole("alert").filter({ hasText: "Your role does not allow this." })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
