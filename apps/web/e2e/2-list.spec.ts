import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("filter the list, share its address, and page through it", async ({ page, browser }) => {
  await signIn(page, "manager@acme.example");
  await expect(page.getByRole("heading", { name: "Interventions" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await screenshot(page, "interventions-list");

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Type").selectOption({ label: "Preventive check" });
  await filters.getByLabel("Status").selectOption({ label: "Scheduled" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/interventions\?type=preventive&status=scheduled$/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.locator("td:nth-child(4) .badge:first-child").allTextContents()) {
    expect(status).toBe("Scheduled");
  }
  const shown = await rows.getByRole("link").allTextContents();
  expect(shown.every((text) => text.includes("Preventive check"))).toBe(true);
  const scheduledTab = page
    .getByRole("navigation", { name: "Count per status" })
    .getByRole("link", { name: /^Scheduled/ });
  await expect(scheduledTab).toHaveAttribute("aria-current", "true");
  await expect(scheduledTab).toHaveText(new RegExp(`Scheduled \\(${shown.length}\\)`));

  // A colleague opens the shared address: same filters, same rows, once signed in.
  const shared = page.url();
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(shared);
  await expect(other).toHaveURL(/\/sign-in\?next=/);
  await other.getByLabel("E-mail").fill("viewer@acme.example");
  await other.getByLabel("Password").fill("demo-password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(shared);
  await expect(other.getByRole("form", { name: "Filters" }).getByLabel("Status")).toHaveValue("scheduled");
  await expect(other.getByRole("table").locator("tbody tr").getByRole("link")).toHaveText(shown);
  await colleague.close();
});

test("an empty result says so and offers to clear the filters", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/interventions?from=2040-01-01&to=2040-01-31");
  await expect(page.getByText("No intervention matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/interventions$/);
  await expect(page.getByRole("table")).toBeVisible();
});

test("the planning shows a month and a week, per site, with overdue work marked", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/planning");
  await countDays(page);
  await screenshot(page, "planning-month");
  await page.getByRole("link", { name: "Next month →" }).click();
  await expect(page).toHaveURL(/date=/);
  await page.getByRole("form", { name: "Planning options" }).getByLabel("View").selectOption("week");
  await page.getByRole("form", { name: "Planning options" }).getByRole("button", { name: "Show" }).click();
  expect(await countDays(page)).toBe(7);
  await screenshot(page, "planning-week");
});

async function countDays(page: import("@playwright/test").Page): Promise<number> {
  const days = page.getByRole("list", { name: "Days" }).locator(":scope > li");
  await expect(days.first()).toBeVisible();
  const count = await days.count();
  expect(count % 7).toBe(0);
  return count;
}
