import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// Addresses read as words, old numeric links still lead to the same list, and the pages point at what comes
// next: the most severe anomaly first, today on the planning.

test("old numeric links lead to the same list and planning, in words", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  const redirect = await page.request.get("/interventions?status=4&type=1&order=desc", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  const location = new URL(redirect.headers().location ?? "", "http://here");
  expect(`${location.pathname}${location.search}`).toBe(
    "/interventions?status=awaiting-verification&type=preventive&order=desc",
  );

  await page.goto("/interventions?status=4&type=1");
  await expect(page).toHaveURL(/\/interventions\?status=awaiting-verification&type=preventive$/);
  const filters = page.getByRole("form", { name: "Filters" });
  await expect(filters.getByLabel("Status")).toHaveValue("awaiting-verification");
  await expect(filters.getByLabel("Type")).toHaveValue("preventive");
  const statuses = page.getByRole("table").locator("tbody tr td:nth-child(4) .badge:first-child");
  await expect(statuses.first()).toHaveText("Awaiting verification");

  await page.goto("/planning?view=week&type=3");
  await expect(page).toHaveURL(/\/planning\?view=week&type=training-exercise$/);
  await expect(page.getByRole("form", { name: "Planning options" }).getByLabel("Type")).toHaveValue(
    "training-exercise",
  );
});

test("open anomalies come the most severe first, then the longest waiting", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/anomalies");
  const response = await page.request.get(
    `/api/trpc/anomalies.list?input=${encodeURIComponent(JSON.stringify({ json: { status: 1 } }))}`,
  );
  const listed = (
    (await response.json()) as {
      result: { data: { json: { description: string; severity: number; detectedAt: string }[] } };
    }
  ).result.data.json;
  expect(listed.length).toBeGreaterThan(2);
  for (const [index, anomaly] of listed.entries()) {
    const previous = listed[index - 1];
    if (!previous) continue;
    expect(previous.severity).toBeGreaterThanOrEqual(anomaly.severity);
    if (previous.severity === anomaly.severity) {
      expect(Date.parse(previous.detectedAt)).toBeLessThanOrEqual(Date.parse(anomaly.detectedAt));
    }
  }
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(listed.length);
  const severities = await rows.locator("td .badge").allTextContents();
  const rank = { Critical: 3, Major: 2, Minor: 1 } as Record<string, number>;
  expect(severities.map((word) => rank[word])).toEqual(listed.map((anomaly) => anomaly.severity));
  expect(severities[0]).toBe("Critical");
  await screenshot(page, "anomalies-by-severity");
});

test("the planning marks today, in a month and in a week, and no other day", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/planning");
  const days = page.getByRole("list", { name: "Days" });
  const today = days.locator('[aria-current="date"]');
  await expect(today).toHaveCount(1);
  await expect(today).toContainText("Today");
  await expect(today).toHaveAccessibleName(/, today$/);

  await page.getByRole("form", { name: "Planning options" }).getByLabel("View").selectOption("week");
  await page.getByRole("form", { name: "Planning options" }).getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(days.locator('[aria-current="date"]')).toHaveCount(1);
  await screenshot(page, "planning-today");

  await page.goto("/planning?view=month&date=2040-01-15");
  await expect(days.locator(":scope > li").first()).toBeVisible();
  await expect(days.locator('[aria-current="date"]')).toHaveCount(0);
  await page.getByRole("link", { name: "Today" }).click();
  await expect(days.locator('[aria-current="date"]')).toHaveCount(1);
});
