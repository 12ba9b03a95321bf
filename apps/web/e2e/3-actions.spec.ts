import { expect, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, "manager@acme.example");
});

test("create a curative intervention from open anomalies", async ({ page }) => {
  await page.goto("/anomalies");
  const form = page.getByRole("region", { name: "Plan a curative intervention" });
  await form.getByRole("button", { name: "Plan the repair" }).click();
  await expect(form.getByText("Select at least one anomaly above.")).toBeVisible();

  const first = page.getByRole("table").getByRole("checkbox").first();
  const repaired = (await first.getAttribute("aria-label"))?.replace(/^Repair: /, "").split(" at ")[0] ?? "";
  await first.check();
  await form.getByLabel("Scheduled start").fill("2026-12-07T09:00");
  await form.getByLabel("Scheduled end").fill("2026-12-07T08:00");
  await form.getByRole("button", { name: "Plan the repair" }).click();
  await expect(form.getByText("The end must be after the start.")).toBeVisible();

  await form.getByLabel("Scheduled end").fill("2026-12-07T12:00");
  await form.getByLabel("Description").fill("Replace the faulty emergency lighting");
  await form.getByLabel("Assigned to").selectOption({ index: 1 });
  await screenshot(page, "anomalies-plan-repair");
  await form.getByRole("button", { name: "Plan the repair" }).click();

  await expect(page).toHaveURL(/\/interventions\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Curative repair");
  await expect(page.getByText("Replace the faulty emergency lighting").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Sites and scope" })).toContainText(repaired);
  await expect(page.getByRole("region", { name: "History" }).getByText("Created")).toBeVisible();
  // Dates are shown in the organization's time zone (Paris, UTC+1 in December): as typed.
  await expect(page.getByRole("region", { name: "Details" })).toContainText("7 Dec 2026, 09:00");
  await screenshot(page, "intervention-detail");
});

test("edit a preventive check; the change shows in its history", async ({ page }) => {
  const id = await firstListedId(page, "?type=1&status=2");
  await page.goto(`/interventions/${id}`);
  const form = page.getByRole("region", { name: "Edit this preventive check" });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Nothing has changed.")).toBeVisible();

  await form.getByLabel("Description").fill("Check every extinguisher, east wing included");
  await form.getByLabel("Send an update e-mail to the current assignee").check();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("The preventive check was updated.");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Description:");
  await expect(history).toContainText("→ Check every extinguisher, east wing included");
});

test("a refusal from the server is shown in plain words and the form keeps what was typed", async ({
  page,
  browser,
}) => {
  const id = await firstListedId(page, "?type=1&status=1");
  await page.goto(`/interventions/${id}`);
  const form = page.getByRole("region", { name: "Edit this preventive check" });
  await form.getByLabel("Description").fill("Typed while someone else cancels it");

  // Meanwhile the same intervention is completed elsewhere: its state no longer allows editing.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, "manager@acme.example");
  await other.goto(`/interventions/${id}`);
  const otherForm = other.getByRole("region", { name: "Edit this preventive check" });
  await otherForm.getByLabel("Creation status").selectOption({ label: "Done" });
  await otherForm.getByRole("button", { name: "Save changes" }).click();
  // Done, it awaits verification: no longer editable, so the form leaves that page.
  await expect(other.getByRole("heading", { level: 1 })).toContainText("Awaiting verification");
  await elsewhere.close();

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("current status does not allow this");
  await expect(form.getByLabel("Description")).toHaveValue("Typed while someone else cancels it");
});

test("edit a training exercise: record the attendees and mark it done", async ({ page }) => {
  const id = await firstListedId(page, "?type=3&status=1");
  await page.goto(`/interventions/${id}`);
  const form = page.getByRole("region", { name: "Edit this training exercise" });
  await form.getByLabel("Attendees").fill("-3");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Enter a whole number of people, 0 or more.")).toBeVisible();
  await form.getByLabel("Attendees").fill("42");
  await form.getByLabel(/mark it as done/).check();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Awaiting verification");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("42");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Attendees: — → 42");
});

test("accept one intervention and reject another, each recorded in its history", async ({ page }) => {
  for (const [decision, status] of [
    ["Accept", "Accepted"],
    ["Reject", "Rejected"],
  ] as const) {
    const id = await firstListedId(page, "?status=4");
    await page.goto(`/interventions/${id}`);
    const form = page.getByRole("region", { name: "Verify this intervention" });
    await form.getByRole("button", { name: decision }).click();
    await expect(form.getByText("Say why: the provider and the register keep it.")).toBeVisible();
    await form.getByLabel("Comment").fill(`${decision}ed after review of the report`);
    await form.getByRole("button", { name: decision }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(status);
    // A decided intervention offers no more decision.
    await expect(page.getByRole("region", { name: "Verify this intervention" })).toHaveCount(0);
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByText("Verified", { exact: true })).toBeVisible();
    await expect(history).toContainText(`Status: Awaiting verification → ${status}`);
    await expect(page.getByRole("region", { name: "Details" })).toContainText(
      `${decision}ed after review of the report`,
    );
  }
});

test("a viewer is offered no action", async ({ page, context }) => {
  await context.clearCookies();
  await signIn(page, "viewer@acme.example");
  const id = await firstListedId(page, "?status=4");
  await page.goto(`/interventions/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Verify this intervention" })).toHaveCount(0);
  await page.goto("/anomalies");
  await expect(page.getByRole("region", { name: "Plan a curative intervention" })).toHaveCount(0);
});
