import { expect, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

test("work marked done reaches the other verifiers' bell, which leads to it and can be marked read", async ({
  page,
  browser,
}) => {
  // A manager records that a drill took place…
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@acme.example");
  const id = await firstListedId(manager, "?type=3&status=2");
  await manager.goto(`/interventions/${id}`);
  const form = manager.getByRole("region", { name: "Edit this training exercise" });
  // A click that lands before the page is hydrated does not hold (the box is drawn again unticked): tick until it does.
  await expect(async () => {
    await form.getByLabel(/mark it as done/).check({ timeout: 2_000 });
  }).toPass();
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("Awaiting verification");
  await managerContext.close();

  // …and the administrator is told in the app.
  await signIn(page, "admin@acme.example");
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).not.toContainText(/^Notifications0/);
  const before = Number((await bell.textContent())?.replace(/\D/g, ""));
  expect(before).toBeGreaterThan(0);
  await bell.click();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: "Notifications" });
  const item = panel.getByRole("listitem").filter({ has: page.locator(`a[href="/interventions/${id}"]`) });
  await expect(item).toHaveCount(1);
  await screenshot(page, "notifications");
  await item.getByRole("button", { name: "Mark as read" }).click();
  await expect(bell).toContainText(String(before - 1));
  await expect(item.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await panel.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/interventions\/\d+$/);
});
